package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.ProjectScripts;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR and resource adapter on Payara Server 6, in a domain made and configured by {@code
 * bin/payara-server} (server-config/payara-server-domain.asadmin) against the suite's PostgreSQL
 * and broker: it gets ready, a user registers, signs in and gets an avatar generated end to end;
 * the admin REST API (what the console shows) lists the database pools, the broker's pools and the
 * queues, over HTTPS with the password generated for the domain, and refuses the empty default
 * password and no password.
 *
 * <p>The domain lives under target/it/payara-server, made anew at every run, with its own
 * transaction log and XA server name; its ports come from a port base (admin 28048, HTTP 28080) so
 * that a developer's Payara on 4848/8080 does not get in the way.
 */
class PayaraServerIT {

  private static final Logger LOG = Logger.getLogger(PayaraServerIT.class.getName());

  static final Path DIR = Path.of(ProjectScripts.itDir("payara-server"));
  static final int PORT_BASE = 28000;
  static final String ADMIN = "https://localhost:" + (PORT_BASE + 48);
  static final Path SECRETS = DIR.resolve("data/payara-server/secrets");

  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "LUMIKU_DATA_DIR", DIR.resolve("data").toString(),
          "LUMIKU_TX_LOG_DIR", DIR.resolve("txlog").toString(),
          "LUMIKU_TX_SERVER_NAME", "payara-server-it",
          "PAYARA_SERVER_PORT_BASE", String.valueOf(PORT_BASE),
          "PAYARA_SERVER_HEAP", "768m");

  @BeforeAll
  static void startDomain() throws IOException {
    ProjectScripts.run(ENVIRONMENT, "payara-server", "stop"); // one an aborted run left behind
    ProjectScripts.deleteFolder(DIR);
    long began = System.nanoTime();
    ProjectScripts.run(Duration.ofMinutes(8), ENVIRONMENT, "payara-server", "start");
    LOG.log(
        Level.INFO,
        "payara-server: a new domain made, configured and ready in {0} s",
        Duration.ofNanos(System.nanoTime() - began).toSeconds());
  }

  @AfterAll
  static void stopDomain() {
    ProjectScripts.run(ENVIRONMENT, "payara-server", "stop");
  }

  @Test
  void aRegisteredUserGetsAnAvatarGenerated() throws IOException {
    Api api = new Api(URI.create("http://127.0.0.1:" + (PORT_BASE + 80) + "/").toURL());
    assertThat(api.get("/health/ready").then().statusCode(200).extract().asString())
        .contains("\"work-queues\"", "payara-server-it");
    Api.Member member = api.logIn(api.register().email());
    UUID project = api.createProject(member);
    UUID generation = api.acceptedAvatar(member, project, "a lighthouse at dawn");
    JsonPath done = api.awaitTerminal(member, generation, Duration.ofSeconds(60));
    assertThat(done.getString("status")).isEqualTo("completed");
    LedgerInvariants.assertOneAvatarPerCompleted(TestDatabase.generations(member.id()));
    LedgerInvariants.assertBalanceIsLedger(member.id());
  }

  @Test
  void theConsoleListsThePoolsAndQueuesWithTheGeneratedPassword() throws Exception {
    String password = Files.readString(SECRETS.resolve("admin-password")).strip();
    assertThat(password).hasSizeGreaterThanOrEqualTo(32);
    assertThat(Files.getPosixFilePermissions(SECRETS.resolve("admin-password")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    assertThat(children("jdbc-connection-pool", password))
        .contains("lumiku-db-pool", "lumiku-rate-limit-pool");
    assertThat(children("jdbc-resource", password))
        .contains("jdbc/lumiku", "jdbc/lumikuRateLimits");
    assertThat(children("connector-connection-pool", password))
        .contains("lumiku-jms-pool", "lumiku-jms-direct-pool");
    assertThat(children("connector-resource", password)).contains("jms/lumiku", "jms/lumikuDirect");
    // One per address of server-config/broker.xml.
    assertThat(children("admin-object-resource", password))
        .contains(
            "jms/queue/generations.avatar",
            "jms/queue/generations.pose",
            "jms/queue/generations.dead-letter",
            "jms/topic/events.generations");
    // The pool's settings as the console shows (and tunes) them; its password an alias, not text.
    JsonPath pool =
        JsonPath.from(
            adminGet("/management/domain/resources/jdbc-connection-pool/lumiku-db-pool", password)
                .body());
    assertThat(pool.getString("extraProperties.entity.maxPoolSize")).isEqualTo("64");
    assertThat(
            adminGet(
                    "/management/domain/resources/jdbc-connection-pool/lumiku-db-pool/property",
                    password)
                .body())
        .contains("${ALIAS=lumiku.db.password}")
        .doesNotContain(System.getProperty("it.db.password"));
  }

  @Test
  void theDefaultEmptyPasswordAndNoPasswordAreRefused() throws Exception {
    assertThat(adminGet("/management/domain", "").status()).isEqualTo(401);
    assertThat(adminGet("/management/domain", "admin").status()).isEqualTo(401);
    assertThat(adminGet("/management/domain", null).status()).isEqualTo(401);
  }

  private static Set<String> children(String resource, String password) throws Exception {
    Answer answer = adminGet("/management/domain/resources/" + resource, password);
    assertThat(answer.status()).as(resource).isEqualTo(200);
    Map<String, String> children =
        JsonPath.from(answer.body()).getMap("extraProperties.childResources");
    return children == null ? Set.of() : children.keySet();
  }

  record Answer(int status, String body) {}

  /**
   * A GET of the admin REST API as user admin with that password (none if null), over HTTPS that
   * trusts exactly the domain's own certificate (its keystore, opened with the domain's generated
   * master password): the self-signed certificate names the host, not "localhost", so it is pinned
   * rather than checked by name.
   */
  private static Answer adminGet(String path, String password) throws Exception {
    Certificate domainCertificate = domainCertificate();
    HttpsURLConnection connection =
        (HttpsURLConnection) URI.create(ADMIN + path).toURL().openConnection();
    connection.setSSLSocketFactory(trusting(domainCertificate).getSocketFactory());
    connection.setHostnameVerifier(
        (host, session) -> {
          try {
            return session.getPeerCertificates()[0].equals(domainCertificate);
          } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return false;
          }
        });
    connection.setRequestProperty("Accept", "application/json");
    if (password != null) {
      String login = "admin:" + password;
      connection.setRequestProperty(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }
    connection.setConnectTimeout(5000);
    connection.setReadTimeout(30000);
    try {
      int status = connection.getResponseCode();
      InputStream body =
          status >= HttpURLConnection.HTTP_BAD_REQUEST
              ? connection.getErrorStream()
              : connection.getInputStream();
      return new Answer(
          status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      connection.disconnect();
    }
  }

  private static Certificate domainCertificate() throws IOException, GeneralSecurityException {
    char[] master = Files.readString(SECRETS.resolve("master-password")).strip().toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        Files.newInputStream(
            DIR.resolve("data/payara-server/domains/lumiku/config/keystore.p12"))) {
      keys.load(in, master);
    }
    return keys.getCertificate("s1as");
  }

  private static SSLContext trusting(Certificate certificate) throws GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      trusted.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    trusted.setCertificateEntry("domain", certificate);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
