package com.lumiku.platform.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.PayaraProcess;
import com.lumiku.testing.ProjectScripts;
import com.lumiku.testing.TestDatabase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate limits hold across instances: two Payara Micro instances (started as {@code ./run}
 * starts one) share the test database, so what one counts the other sees. Each instance trusts
 * 127.0.0.1 as a proxy, so each scenario chooses its own client addresses with {@code
 * X-Forwarded-For} and the scenarios do not count against one another; the limits here are small
 * ones of this class (the failsafe configuration raises every limit for the other tests).
 */
class RateLimitIT {

  static final String PASSWORD = "correct horse";

  static java.time.Instant started;
  static PayaraProcess first;
  static PayaraProcess second;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Path shared = Path.of(ProjectScripts.itDir("rate-limits"));
    ProjectScripts.deleteFolder(shared);
    Files.createDirectories(shared);
    started = java.time.Instant.now();
    first = instance("first", shared);
    first.start();
    second = instance("second", shared);
    second.start();
  }

  @AfterAll
  static void stopInstances() throws InterruptedException {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  /**
   * Failed sign-ins count against the account whichever instance they reach; once the limit is
   * reached even the right password is refused with a 429 problem naming when to try again, on both
   * instances. Successful sign-ins count nothing.
   */
  @Test
  void loginFailuresOnOneInstanceCountOnTheOther() {
    Api.Member member = register(first, "10.1.0.1");
    Api.Member careful = register(second, "10.1.0.2");

    assertThat(login(first, "10.1.1.1", member.email(), "wrong one").statusCode()).isEqualTo(401);
    assertThat(login(second, "10.1.1.2", member.email(), "wrong two").statusCode()).isEqualTo(401);
    assertThat(login(first, "10.1.1.3", member.email(), "wrong 3").statusCode()).isEqualTo(401);

    Response refused = login(second, "10.1.1.4", member.email(), PASSWORD);
    assertTooManyRequests(refused, "login-account", 3, 900);
    assertTooManyRequests(
        login(first, "10.1.1.5", member.email().toUpperCase(), PASSWORD), "login-account", 3, 900);

    for (int i = 0; i < 6; i++) {
      assertThat(login(i % 2 == 0 ? first : second, "10.1.2." + i, careful.email(), PASSWORD))
          .extracting(Response::statusCode)
          .isEqualTo(200);
    }
  }

  /** Sign-in attempts from one address, to any accounts, on either instance. */
  @Test
  void loginAttemptsPerAddressAreCountedOnBothInstances() {
    for (int i = 0; i < 4; i++) {
      assertThat(
              login(i % 2 == 0 ? first : second, "10.2.0.1", "nobody-" + i + "@example.com", "x")
                  .statusCode())
          .isEqualTo(401);
    }
    assertTooManyRequests(
        login(second, "10.2.0.1", "nobody-else@example.com", "x"), "login-address", 4, 60);
    assertThat(login(first, "10.2.0.2", "nobody@example.com", "x").statusCode()).isEqualTo(401);
  }

  /** Registrations per address: over the limit nothing is stored. */
  @Test
  void registrationsPerAddressAreLimitedAndARefusedOneStoresNothing() {
    register(first, "10.3.0.1");
    register(second, "10.3.0.1");
    String email = "refused-" + UUID.randomUUID() + "@example.com";
    Response refused = from(first, "10.3.0.1").body(registration(email)).post("/api/auth/register");
    assertTooManyRequests(refused, "register-address", 2, 3600);
    assertThat(TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
    register(second, "10.3.0.2");
  }

  /**
   * Welcome credits are capped per hour for everybody: past the cap, accounts still open, with no
   * credits, and the answer says why. (Other scenarios of this class register too and share the
   * cap, so this one registers until the cap shows.)
   */
  @Test
  void welcomeGrantsStopAtTheHourlyCap() {
    List<JsonPath> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(
          from(i % 2 == 0 ? first : second, "10.4.0." + i)
              .body(registration("welcome-" + UUID.randomUUID() + "@example.com"))
              .post("/api/auth/register")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath());
    }
    List<Long> credits = answers.stream().map(a -> a.getLong("welcome.credits")).toList();
    int firstWithout = credits.indexOf(0L);
    assertThat(firstWithout).as("a registration past the cap").isNotNegative();
    assertThat(credits.subList(firstWithout, credits.size())).containsOnly(0L);
    assertThat(credits.subList(0, firstWithout)).allMatch(granted -> granted == 100L);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM credit_transactions WHERE description = 'Welcome credits'"
                    + " AND created_at >= ?",
                java.sql.Timestamp.from(started)))
        .as("welcome grants since both instances started, on either")
        .isEqualTo(5);
    JsonPath without = answers.get(firstWithout);
    assertThat(without.getLong("user.credits")).isZero();
    assertThat(without.getString("welcome.note")).contains("welcome grants");
    UUID id = UUID.fromString(without.getString("user.id"));
    assertThat(TestDatabase.balance(id)).isZero();
    LedgerInvariants.assertBalanceIsLedger(id);
  }

  /**
   * Generation orders per user, on both instances: past the limit nothing is charged, stored or
   * queued, and the balance is still the ledger's sum. Only orders count: one refused for a missing
   * project does not (a 404 also past the limit), and a replay of an accepted order's
   * Idempotency-Key is answered as the first time, also past the limit.
   */
  @Test
  void generationOrdersPastTheLimitChargeNothing() {
    Api api = api(first);
    Api.Member member = register(first, "10.5.0.1");
    api.grant(member, 1000);
    UUID project = api.createProject(member);
    long before = TestDatabase.balance(member.id());
    UUID missing = UUID.randomUUID();
    assertThat(api.orderAvatar(member, missing, "nowhere").statusCode()).isEqualTo(404);
    String key = UUID.randomUUID().toString();
    String accepted =
        keyedOrder(second, member, project, key)
            .then()
            .statusCode(202)
            .extract()
            .path("generation.id");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i < 6; i++) {
      Response answer =
          api(i % 2 == 0 ? first : second).orderAvatar(member, project, "portrait " + i);
      statuses.add(answer.statusCode());
      if (answer.statusCode() == 429) {
        assertTooManyRequests(answer, "generations", 3, 3600);
      }
    }
    assertThat(statuses).containsExactly(202, 202, 429, 429, 429);
    assertThat(api.orderAvatar(member, missing, "nowhere").statusCode()).isEqualTo(404);
    for (PayaraProcess instance : List.of(first, second)) {
      Response replay = keyedOrder(instance, member, project, key);
      assertThat(replay.statusCode()).as(replay.asString()).isEqualTo(202);
      assertThat(replay.jsonPath().getString("generation.id")).isEqualTo(accepted);
    }
    assertThat(TestDatabase.generations(member.id())).hasSize(3);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before - 3 * 10);
    LedgerInvariants.assertAddsUp(member.id(), java.time.Duration.ofMinutes(2));
  }

  /**
   * Per-user limits on new pose requests, votes and checkouts, counted on both instances; a refused
   * request or checkout stores nothing.
   */
  @Test
  void poseRequestsVotesAndCheckoutsArePerUser() {
    Api.Member asker = register(first, "10.6.0.1");
    Api.Member voter = register(second, "10.6.0.2");
    String requests = "/api/apps/pose-generator/requests";

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ids.add(
          as(i % 2 == 0 ? first : second, asker)
              .body(Map.of("name", "Pose " + i, "description", "Please add pose " + i))
              .post(requests)
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    assertTooManyRequests(
        as(second, asker)
            .body(Map.of("name", "One too many", "description", "Refused"))
            .post(requests),
        "pose-requests",
        2,
        3600);
    assertThat(
            TestDatabase.count("SELECT count(*) FROM pose_requests WHERE user_id = ?", asker.id()))
        .isEqualTo(2);

    for (int i = 0; i < 3; i++) {
      as(i % 2 == 0 ? first : second, voter)
          .put(requests + "/" + ids.get(i % 2) + "/vote")
          .then()
          .statusCode(200);
    }
    assertTooManyRequests(
        as(first, voter).put(requests + "/" + ids.get(0) + "/vote"), "pose-votes", 3, 3600);

    Map<String, String> order = Map.of("packageId", "starter", "paymentMethod", "BC");
    as(first, asker).body(order).post("/api/payments").then().statusCode(201);
    assertTooManyRequests(as(second, asker).body(order).post("/api/payments"), "payments", 1, 3600);
    assertThat(TestDatabase.count("SELECT count(*) FROM payments WHERE user_id = ?", asker.id()))
        .isEqualTo(1);
  }

  private static Response keyedOrder(
      PayaraProcess instance, Api.Member member, UUID project, String key) {
    return as(instance, member)
        .header("Idempotency-Key", key)
        .body(Map.of("prompt", "portrait 0", "name", "Avatar"))
        .post("/api/apps/avatar-creator/projects/" + project + "/avatars/generate");
  }

  private static RequestSpecification as(PayaraProcess instance, Api.Member member) {
    return api(instance).as(member);
  }

  private static void assertTooManyRequests(
      Response answer, String limit, long capacity, long windowSeconds) {
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(429);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.jsonPath().getInt("status")).isEqualTo(429);
    assertThat(answer.jsonPath().getString("detail")).contains(limit);
    long retryAfter = Long.parseLong(answer.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, windowSeconds);
    assertThat(answer.header("RateLimit-Policy"))
        .isEqualTo("\"" + limit + "\";q=" + capacity + ";w=" + windowSeconds);
    assertThat(answer.header("RateLimit")).isEqualTo("\"" + limit + "\";r=0;t=" + retryAfter);
  }

  private static Api.Member register(PayaraProcess instance, String address) {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    JsonPath body =
        from(instance, address)
            .body(registration(email))
            .post("/api/auth/register")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Api.Member(
        UUID.fromString(body.getString("user.id")), email, body.getString("token"));
  }

  private static Map<String, String> registration(String email) {
    return Map.of("email", email, "password", PASSWORD, "name", "Limited User");
  }

  private static Response login(
      PayaraProcess instance, String address, String email, String password) {
    return from(instance, address)
        .body(Map.of("email", email, "password", password))
        .post("/api/auth/login");
  }

  /** A request as if from {@code address}, through the proxy both instances trust (127.0.0.1). */
  private static RequestSpecification from(PayaraProcess instance, String address) {
    return given()
        .baseUri(instance.baseUrl())
        .contentType(ContentType.JSON)
        .accept(ContentType.JSON)
        .header("X-Forwarded-For", address);
  }

  private static Api api(PayaraProcess instance) {
    try {
      return new Api(URI.create(instance.baseUrl() + "/").toURL());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PayaraProcess instance(String name, Path shared) throws IOException {
    Map<String, String> settings = new HashMap<>();
    settings.put("LUMIKU_TX_SERVER_NAME", "ratelimit-" + name);
    // one signing key for both, as every deployment of several instances needs
    settings.put(
        "LUMIKU_AUTH_SIGNING_KEY_FILE", shared.resolve("token-signing-key.pem").toString());
    settings.put("LUMIKU_RATE_LIMITS_TRUSTED_PROXIES", "127.0.0.1");
    limit(settings, "LOGIN_ACCOUNT", 3, 3, "PT15M");
    limit(settings, "LOGIN_ADDRESS", 4, 4, "PT1M");
    limit(settings, "REGISTER_ADDRESS", 2, 2, "PT1H");
    limit(settings, "WELCOME_GRANTS", 5, 5, "PT24H");
    limit(settings, "GENERATIONS", 3, 3, "PT1H");
    limit(settings, "POSE_REQUESTS", 2, 2, "PT1H");
    limit(settings, "POSE_VOTES", 3, 3, "PT1H");
    limit(settings, "PAYMENTS", 1, 1, "PT1H");
    return new PayaraProcess(ProjectScripts.freePort(), shared.resolve(name), settings);
  }

  private static void limit(
      Map<String, String> settings, String name, long capacity, long refill, String period) {
    settings.put("LUMIKU_RATE_LIMITS_" + name + "_CAPACITY", String.valueOf(capacity));
    settings.put("LUMIKU_RATE_LIMITS_" + name + "_REFILL", String.valueOf(refill));
    settings.put("LUMIKU_RATE_LIMITS_" + name + "_PERIOD", period);
  }
}
