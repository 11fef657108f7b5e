import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.ActivateCallback;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.utils.PasswordMaskingUtil;

/**
 * Lumiku's broker launcher (bin/broker compiles it into target/broker/launcher and runs it): what
 * Artemis's own embedded launcher does (broker.xml from {@code <dir>/etc}, the journal in {@code
 * <dir>/data}, stop on SIGTERM), plus the one thing it cannot: a JAAS security manager. Artemis's
 * launcher gives its security manager no JAAS configuration name, so with security on no login
 * could ever succeed.
 *
 * <p>At every start it writes the broker's two users from the environment into {@code <dir>/etc}
 * (mode 600): {@code LUMIKU_BROKER_USER} (role lumiku-app: the application's addresses) and {@code
 * LUMIKU_BROKER_MANAGEMENT_USER} (role lumiku-manage: management), with their passwords {@code
 * LUMIKU_BROKER_PASSWORD} and {@code LUMIKU_BROKER_MANAGEMENT_PASSWORD}, stored as salted PBKDF2
 * hashes. What each role may do is in broker.xml. Changing a password is a restart with the new
 * value.
 *
 * <p>High availability (docs/broker-ha.md): with the system property {@code lumiku.broker.ha} set to
 * {@code primary} or {@code backup} (bin/broker start-primary / start-backup), the broker is one of
 * a shared-store pair: its journal is {@code lumiku.broker.journal} (the same folder for both; the
 * broker holding its file lock is the active one, the other waits for the lock without accepting
 * connections), and a cluster connection to the other broker ({@code lumiku.broker.peer},
 * host:port) announces the backup to the primary, which passes it on to its clients so that they
 * fail over to it. The cluster connection logs in as {@code LUMIKU_BROKER_CLUSTER_USER}
 * (lumiku-cluster) with {@code LUMIKU_BROKER_CLUSTER_PASSWORD}, required then (Artemis' default
 * cluster password is public). Without the property, a single broker exactly as before.
 */
public final class BrokerMain {

  /** The JAAS configuration's entry name. */
  private static final String LOGIN = "lumiku";

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BrokerMain <broker dir>");
    }
    Path dir = Path.of(args[0]).toAbsolutePath();
    Path etc = dir.resolve("etc");
    writeUsers(etc);
    System.setProperty("java.security.auth.login.config", etc.resolve("login.config").toString());

    FileConfiguration configuration = new FileConfiguration();
    FileDeploymentManager deployment =
        new FileDeploymentManager(etc.resolve("broker.xml").toUri().toASCIIString());
    deployment.addDeployable(configuration);
    deployment.readConfiguration();
    // The same layout as Artemis's embedded launcher, so journals it wrote stay readable.
    String data = System.getProperty("lumiku.broker.journal", dir.resolve("data").toString());
    configuration
        .setJournalDirectory(data)
        .setBindingsDirectory(data + "/bindings")
        .setLargeMessagesDirectory(data + "/largemessages")
        .setPagingDirectory(data + "/paging");
    String role = System.getProperty("lumiku.broker.ha", "");
    if (!role.isEmpty()) {
      pair(configuration, role);
    }

    EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    broker.setConfiguration(configuration);
    broker.setSecurityManager(new ActiveMQJAASSecurityManager(LOGIN));
    broker.createActiveMQServer();
    ActiveMQServer server = broker.getActiveMQServer();
    CountDownLatch stopped = new CountDownLatch(1);
    server.registerActivateCallback(
        new ActivateCallback() {
          @Override
          public void stop(ActiveMQServer stopping) {
            stopped.countDown();
          }

          @Override
          public void shutdown(ActiveMQServer stopping) {
            stopped.countDown();
          }
        });
    server.registerActivationFailureListener(
        failure -> {
          failure.printStackTrace();
          // Not on the failing thread: exit runs the shutdown hook, which stops the broker.
          new Thread(() -> System.exit(1), "exit-on-start-failure").start();
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    broker.stop();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                },
                "broker-stop"));
    broker.start();
    stopped.await();
  }

  /**
   * One of a shared-store pair. The primary does not fail over on a graceful stop (a stop is a
   * stop; only a crash hands over), and the backup, once active, stays active when the primary
   * comes back (no automatic fail-back: the restarted primary waits for the journal's lock until
   * the active backup is stopped), so that each JVM is one broker from start to exit.
   */
  private static void pair(Configuration configuration, String role) throws Exception {
    String host = System.getProperty("lumiku.broker.host", "127.0.0.1");
    String port = System.getProperty("lumiku.broker.port", "61616");
    String peer = System.getProperty("lumiku.broker.peer", "");
    if (peer.isEmpty()) {
      throw new IllegalArgumentException("lumiku.broker.peer (host:port of the other broker) is not set");
    }
    switch (role) {
      case "primary" ->
          configuration.setHAPolicyConfiguration(
              new SharedStorePrimaryPolicyConfiguration().setFailoverOnServerShutdown(false));
      case "backup" ->
          configuration.setHAPolicyConfiguration(
              new SharedStoreBackupPolicyConfiguration()
                  .setAllowFailBack(false)
                  .setFailoverOnServerShutdown(false));
      default ->
          throw new IllegalArgumentException(
              "lumiku.broker.ha is '" + role + "'; expected primary or backup");
    }
    configuration.addConnectorConfiguration("self", "tcp://" + host + ":" + port);
    configuration.addConnectorConfiguration("peer", "tcp://" + peer);
    configuration.addClusterConfiguration(
        new ClusterConnectionConfiguration()
            .setName("lumiku-pair")
            .setConnectorName("self")
            .setStaticConnectors(List.of("peer"))
            // The pair shares one journal: nothing to move between them, only the topology.
            .setMessageLoadBalancingType(MessageLoadBalancingType.OFF)
            .setRetryInterval(500)
            .setReconnectAttempts(-1));
    configuration
        .setClusterUser(setting("LUMIKU_BROKER_CLUSTER_USER", "lumiku-cluster"))
        .setClusterPassword(required("LUMIKU_BROKER_CLUSTER_PASSWORD"));
  }

  /** users.properties, roles.properties and login.config for the JAAS properties login module. */
  private static void writeUsers(Path etc) throws Exception {
    String appUser = setting("LUMIKU_BROKER_USER", "lumiku");
    String appPassword = required("LUMIKU_BROKER_PASSWORD");
    String managementUser = setting("LUMIKU_BROKER_MANAGEMENT_USER", "lumiku-manage");
    String managementPassword = required("LUMIKU_BROKER_MANAGEMENT_PASSWORD");
    if (appUser.equals(managementUser)) {
      throw new IllegalArgumentException(
          "LUMIKU_BROKER_USER and LUMIKU_BROKER_MANAGEMENT_USER must differ: management is"
              + " granted to its own user only");
    }
    Files.createDirectories(etc);
    Properties users = new Properties();
    users.setProperty(appUser, hash(appPassword));
    users.setProperty(managementUser, hash(managementPassword));
    store(users, etc.resolve("users.properties"));
    Properties roles = new Properties();
    roles.setProperty("lumiku-app", appUser);
    roles.setProperty("lumiku-manage", managementUser);
    store(roles, etc.resolve("roles.properties"));
    String login =
        LOGIN
            + " {\n"
            + "  org.apache.activemq.artemis.spi.core.security.jaas.PropertiesLoginModule required\n"
            + "    reload=false\n"
            + "    org.apache.activemq.jaas.properties.user=\"users.properties\"\n"
            + "    org.apache.activemq.jaas.properties.role=\"roles.properties\";\n"
            + "};\n";
    write(etc.resolve("login.config"), login.getBytes(StandardCharsets.UTF_8));
  }

  /** A one-way (salted PBKDF2) hash in Artemis's ENC(...) form, which its login module checks. */
  private static String hash(String password) throws Exception {
    return PasswordMaskingUtil.wrap(
        PasswordMaskingUtil.getDefaultCodec(Map.of("algorithm", "one-way")).encode(password));
  }

  private static void store(Properties properties, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    properties.store(bytes, "Written by bin/broker at start from the environment; do not edit");
    write(file, bytes.toByteArray());
  }

  /** Writes the file readable by its owner only, replacing the old one in one step. */
  private static void write(Path file, byte[] content) throws IOException {
    Path temporary =
        Files.createTempFile(
            file.getParent(),
            file.getFileName().toString(),
            ".new",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (OutputStream out = Files.newOutputStream(temporary)) {
      out.write(content);
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is not set: the broker has no default password");
    }
    return value;
  }
}
