package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.payments.control.Callback;
import com.lumiku.payments.control.MerchantCredentials;
import com.lumiku.poses.PoseFixtures;
import com.lumiku.testing.Api;
import com.lumiku.testing.Burst;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.PayaraProcess;
import com.lumiku.testing.ProjectScripts;
import com.lumiku.testing.ScrapedMetrics;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.GenerationRow;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What happens to paid work when things break mid-burst, on the real stack: Payara Micro killed
 * with {@code kill -9} and restarted on the same transaction log, the broker stopped and restarted,
 * every database connection cut, and Payara stopped with SIGTERM while jobs run. After each, every
 * generation must end (completed, or failed and refunded), no generation may be worked twice (one
 * avatar each, one pose per job of a pose batch), every balance must equal its ledger, and no XA
 * branch may stay prepared, in PostgreSQL (Payara's automatic recovery at start ends those) or in
 * the broker (Payara's recovery cannot see the broker; AbandonedBrokerBranches rolls back what a
 * crash left there, after 5 s here).
 *
 * <p>These scenarios run against a broker of their own (started here with bin/broker on a free
 * port), not the suite's: until such a branch is rolled back, the message it holds counts as
 * queued, and other tests wait for an empty queue.
 */
class CrashSafetyIT {

  private static final Logger LOG = Logger.getLogger(CrashSafetyIT.class.getName());

  /** The payment simulator's account in these scenarios. */
  static final MerchantCredentials SIMULATOR = new MerchantCredentials("SIMCR", "crash-key");

  static final String BROKER_DIR = ProjectScripts.itDir("crash-broker-server");
  static int brokerPort;

  PayaraProcess payara;

  @BeforeAll
  static void startOwnBroker() throws IOException {
    TestBroker.stop(BROKER_DIR); // one an aborted earlier run left behind (its PID file is there)
    ProjectScripts.deleteFolder(Path.of(BROKER_DIR));
    brokerPort = ProjectScripts.freePort();
    TestBroker.start(BROKER_DIR, brokerPort);
  }

  @AfterAll
  static void stopOwnBroker() {
    TestBroker.stop(BROKER_DIR);
  }

  @AfterEach
  void stopPayara() throws InterruptedException {
    if (payara != null) {
      payara.close();
    }
  }

  @Test
  void killNineMidBurstLosesNothing() throws Exception {
    payara = start("kill", "PT1S");
    probesSaidDownUntilTheApiAnswered(payara);
    Api api = api();
    Api.Member member = richMember(api);
    Burst burst = Burst.start(api, member, 40, Duration.ofMillis(150));

    Thread.sleep(3000);
    payara.kill();
    burst.stop();
    payara.start();

    report("kill -9 of Payara mid-burst", burst, member, api);
  }

  /**
   * The same with the blank model, whose jobs are quick: the orders of each group commit travel as
   * one bundle and a worker does each bundle in one transaction. Killed with bundles in flight,
   * nothing is lost either: a bundle's try rolls back as a whole, and after the restart the bundle
   * is delivered again and split into one message per job.
   */
  @Test
  void killNineWithBundlesInFlightLosesNothing() throws Exception {
    payara = start("kill-bundles", "PT0S", "PT30S", Map.of("LUMIKU_GENERATOR", "blank"));
    Api api = api();
    Api.Member member = richMember(api);
    Burst burst = Burst.start(api, member, 40, Duration.ofMillis(20), 12);

    Thread.sleep(4000);
    double bundles =
        ScrapedMetrics.scrape(api, "application").value("generations_work_bundle_size_count", "");
    payara.kill();
    burst.stop();
    payara.start();

    report("kill -9 of Payara with bundles in flight", burst, member, api);
    assertThat(bundles).as("bundles committed before the kill").isPositive();
  }

  /**
   * A 20-pose batch, each pose a job of its own, with Payara killed once some poses are done and
   * others under way: after the restart every pose ends once (no job draws a second pose), the
   * batch ends, and the refunds of any failed poses add up.
   */
  @Test
  void killNineDuringATwentyPoseBatchEndsEveryPoseOnce() throws Exception {
    payara = start("kill-poses", "PT0.5S");
    Api api = api();
    Api.Member member = richMember(api);
    UUID project = PoseFixtures.project(api, member, PoseFixtures.avatar(api, member));
    List<String> poses = PoseFixtures.libraryPoses(api, member, "limit=20");
    UUID batch = PoseFixtures.accepted(api, member, project, Map.of("poseIds", poses));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.generation(member, batch).getInt("jobsCompleted") >= 3);

    payara.kill();
    payara.start();

    JsonPath done = api.awaitTerminal(member, batch, Duration.ofMinutes(3));
    assertThat(done.getInt("jobsCompleted") + done.getInt("jobsFailed")).isEqualTo(20);
    List<GenerationRow> generations = assertAddsUp(member);
    LOG.log(
        Level.INFO,
        "crash safety: kill -9 during a 20-pose batch: {0}, {1} poses drawn, {2} failed and"
            + " refunded; {3} generations; duplicates 0, credits lost 0, prepared XA branches 0",
        new Object[] {
          done.getString("status"),
          done.getInt("jobsCompleted"),
          done.getInt("jobsFailed"),
          generations.size()
        });
  }

  /**
   * The case the random crashes above reach only by chance: Payara dies while a transaction's
   * branch is prepared in PostgreSQL and not yet committed or rolled back. Payara is frozen
   * (SIGSTOP) again and again mid-burst until PostgreSQL shows a branch that stays prepared for a
   * second while Payara is frozen (not one whose commit was already on its way), then killed. The
   * restarted instance's recovery must end that branch the way its transaction log says.
   */
  @Test
  void killNineWhileABranchIsPreparedIsResolvedAtRestart() throws Exception {
    payara = start("prepared", "PT0.1S");
    Api api = api();
    Api.Member member = api.register();
    api.grant(member, 100_000);
    Burst burst = Burst.start(api, member, 2000, Duration.ofMillis(5));
    await().atMost(Duration.ofSeconds(30)).until(() -> burst.accepted.size() >= 5);

    List<String> inDoubt = List.of();
    int pauses = 0;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (inDoubt.isEmpty() && System.nanoTime() < deadline) {
        payara.pause();
        pauses++;
        inDoubt = TestDatabase.preparedFor(Duration.ofSeconds(1));
        if (inDoubt.isEmpty()) {
          payara.resume();
          Thread.sleep(5);
        }
      }
      payara.kill();
    } finally {
      burst.stop();
    }
    LOG.log(
        Level.INFO,
        "crash safety: XA branches in doubt at the kill {0}, caught after {1} pauses",
        new Object[] {inDoubt, pauses});
    assertThat(inDoubt).as("a branch left between prepare and commit").isNotEmpty();
    payara.start();
    List<String> caught = inDoubt;
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> caught.stream().noneMatch(TestDatabase.preparedTransactionIds()::contains));

    report("kill -9 with a branch prepared", burst, member, api);
  }

  @Test
  void brokerStoppedAndRestartedMidBurstLosesNothing() throws Exception {
    payara = start("broker", "PT1S");
    Api api = api();
    Api.Member member = richMember(api);
    Burst burst = Burst.start(api, member, 30, Duration.ofMillis(150));

    Thread.sleep(2000);
    TestBroker.stop(BROKER_DIR);
    Thread.sleep(3000);
    TestBroker.start(BROKER_DIR, brokerPort);
    burst.awaitDone();

    report("broker stopped 3 s mid-burst", burst, member, api);
  }

  @Test
  void databaseConnectionsCutMidBurstLoseNothing() throws Exception {
    payara = start("pg", "PT1S");
    Api api = api();
    Api.Member member = richMember(api);
    Burst burst = Burst.start(api, member, 30, Duration.ofMillis(150));

    Thread.sleep(1500);
    int cut = TestDatabase.terminateApplicationConnections();
    Thread.sleep(1500);
    cut += TestDatabase.terminateApplicationConnections();
    burst.awaitDone();
    // In doubt: still prepared a few seconds later, not a worker's commit between its two phases.
    long inDoubt = TestDatabase.preparedFor(Duration.ofSeconds(3)).size();
    LOG.log(
        Level.INFO,
        "crash safety: {0} database connections cut, {1} XA branches left in doubt",
        new Object[] {cut, inDoubt});
    if (inDoubt > 0) {
      // A connection died between prepare and commit: Payara finishes such a branch only by
      // recovery at start. Liveness must say so, and a restart (what an orchestrator does on a
      // failing liveness probe) must end it the way the transaction log says.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> api.get("/health/live").statusCode() == 503);
      assertThat(api.get("/health/live").asString()).contains("in-doubt-transactions");
      payara.terminate(Duration.ofSeconds(90));
      payara.start();
    }

    report("database connections cut twice mid-burst", burst, member, api);
  }

  @Test
  void sigtermWhileJobsRunLeavesNothingHalfDone() throws Exception {
    // The sweeper must not take the interrupted jobs for stuck while the instance restarts (on a
    // busy machine a restart alone has taken 48 s): they are to finish, not to be refunded.
    payara = start("sigterm", "PT4S", "PT5M");
    Api api = api();
    Api.Member member = api.register();
    UUID projectId = api.createProject(member);
    List<UUID> running =
        List.of(
            api.acceptedAvatar(member, projectId, "interrupted one"),
            api.acceptedAvatar(member, projectId, "interrupted two"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                running.stream()
                    .allMatch(
                        id -> api.generation(member, id).getString("status").equals("processing")));

    Duration stopped = payara.terminate(Duration.ofSeconds(90));
    LOG.log(
        Level.INFO,
        "crash safety: SIGTERM with 2 jobs running: Payara stopped in {0} ms",
        stopped.toMillis());
    payara.start();

    assertAddsUp(member);
    for (UUID generation : running) {
      assertThat(api.awaitTerminal(member, generation, Duration.ofSeconds(60)).getString("status"))
          .isEqualTo("completed");
      assertThat(TestDatabase.avatarsOfGeneration(generation)).isEqualTo(1);
    }
  }

  /**
   * A stop that runs past its grace: jobs far longer than the grace are running when SIGTERM comes,
   * so Payara's own stop cannot end in time (the resource adapter alone gives a running job its
   * call timeout, 5 s, before interrupting it) and the instance halts itself when the 3 s grace is
   * over, which for the work in flight is a crash. Restarted on the same transaction log, every
   * generation ends exactly once, completed, and the money adds up.
   */
  @Test
  void sigtermPastTheGraceHaltsAndLosesNothing() throws Exception {
    payara = start("grace", "PT10S", "PT5M", Map.of("LUMIKU_STOP_GRACE", "PT3S"));
    Api api = api();
    Api.Member member = api.register();
    UUID projectId = api.createProject(member);
    List<UUID> running = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      running.add(api.acceptedAvatar(member, projectId, "cut off " + i));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                running.stream()
                    .anyMatch(
                        id -> api.generation(member, id).getString("status").equals("processing")));

    // A functional bound, not a figure: the grace plus far more than a halt takes.
    Duration stopped = payara.terminate(Duration.ofSeconds(30));
    assertThat(payara.exitValue()).as("exit status of a JVM halted by its grace").isEqualTo(1);
    LOG.log(
        Level.INFO,
        "crash safety: SIGTERM with a 3 s grace and 10 s jobs running: halted after {0} ms",
        stopped.toMillis());
    payara.start();

    assertAddsUp(member);
    for (UUID generation : running) {
      assertThat(api.awaitTerminal(member, generation, Duration.ofSeconds(90)).getString("status"))
          .isEqualTo("completed");
      assertThat(TestDatabase.avatarsOfGeneration(generation)).isEqualTo(1);
    }
  }

  /**
   * The gateway's callback arrives, the payment is marked paid and its top-up is under way, and
   * Payara dies before the commit: nothing of it may stay, and the gateway's retry (Duitku retries
   * until it reads SUCCESS) grants the credits once; a further retry changes nothing. The moment is
   * made exact rather than left to chance: a transaction of this test holds the buyer's account
   * row, so the callback's transaction, the payment already updated, waits on it when Payara is
   * killed.
   */
  @Test
  void killNineBetweenACallbackAndItsCommitThenTheRetryGrantsOnce() throws Exception {
    payara = start("callback", "PT1S");
    Api api = api();
    Api.Member buyer = api.register();
    long before = TestDatabase.balance(buyer.id());
    String order =
        api.as(buyer)
            .body(Map.of("packageId", "starter", "paymentMethod", "BC"))
            .post("/api/payments")
            .then()
            .statusCode(201)
            .extract()
            .path("merchantOrderId");
    Callback paid = Callback.signed(SIMULATOR, "10000", order, Callback.PAID, "REF-" + order);

    CompletableFuture<Integer> interrupted;
    try (Connection holder = TestDatabase.connect()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement(
              "SELECT balance FROM credit_accounts WHERE user_id = ? FOR UPDATE")) {
        lock.setObject(1, buyer.id());
        lock.executeQuery().close();
      }
      interrupted = CompletableFuture.supplyAsync(() -> postCallback(api, paid));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  TestDatabase.count(
                          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                              + " AND query LIKE 'UPDATE credit_accounts%'")
                      == 1);
      payara.kill();
      holder.rollback();
    }
    assertThat(interrupted.handle((status, failure) -> status == null ? 0 : status).get())
        .as("the interrupted callback was not answered SUCCESS")
        .isNotEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestDatabase.count(
                        "SELECT count(*) FROM pg_stat_activity"
                            + " WHERE query LIKE 'UPDATE credit_accounts%' AND state <> 'idle'")
                    == 0);
    assertThat(paymentStatus(order)).isEqualTo("pending");
    assertThat(TestDatabase.balance(buyer.id())).isEqualTo(before);

    payara.start();
    assertThat(postCallback(api, paid)).as("the gateway's retry").isEqualTo(200);
    assertThat(postCallback(api, paid)).as("one retry more").isEqualTo(200);

    assertThat(paymentStatus(order)).isEqualTo("paid");
    assertThat(TestDatabase.balance(buyer.id())).isEqualTo(before + 100);
    assertThat(TestDatabase.ledger(buyer.id()).stream().filter(e -> e.type().equals("topup")))
        .hasSize(1);
    assertAddsUp(buyer);
    LOG.log(
        Level.INFO,
        "crash safety: kill -9 between a payment callback and its commit: nothing stayed; the"
            + " retry granted 100 credits once, a second retry nothing");
  }

  private static int postCallback(Api api, Callback callback) {
    return api.anonymous()
        .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
        .accept(ContentType.ANY)
        .body(callback.formBody())
        .post("/api/payments/callback")
        .statusCode();
  }

  private static String paymentStatus(String order) {
    for (String status : List.of("pending", "paid", "failed", "expired")) {
      if (TestDatabase.count(
              "SELECT count(*) FROM payments WHERE merchant_order_id = ? AND status = ?",
              order,
              status)
          == 1) {
        return status;
      }
    }
    return "none";
  }

  private void report(String what, Burst burst, Api.Member member, Api api) {
    List<GenerationRow> generations = assertAddsUp(member);
    long completed = generations.stream().filter(g -> g.status().equals("completed")).count();
    long refunded = generations.size() - completed;
    long retried = generations.stream().filter(g -> g.attempts() > 1).count();
    LOG.log(
        Level.INFO,
        "crash safety: {0}: {1} orders sent, {2} accepted, {3} refused or lost in flight;"
            + " {4} generations: {5} completed, {6} failed and refunded, {7} needed another"
            + " attempt; duplicates 0, credits lost 0, prepared XA branches 0",
        new Object[] {
          what,
          burst.sent.get(),
          burst.accepted.size(),
          burst.sent.get() - burst.accepted.size(),
          generations.size(),
          completed,
          refunded,
          retried
        });
    assertThat(generations).extracting(GenerationRow::id).containsAll(burst.accepted);
  }

  /**
   * Waits until every generation of the member ended, then checks that the money adds up, that
   * every completed generation made exactly one avatar and no other made one, and that nothing is
   * left prepared in PostgreSQL or in this test's broker.
   */
  private List<GenerationRow> assertAddsUp(Api.Member member) {
    List<GenerationRow> generations =
        LedgerInvariants.assertAddsUp(member.id(), Duration.ofMinutes(3));
    for (GenerationRow generation : generations) {
      if (generation.app().equals("avatar-creator")) {
        assertThat(TestDatabase.avatarsOfGeneration(generation.id()))
            .as("avatars of " + generation.status() + " " + generation.id())
            .isEqualTo(generation.status().equals("completed") ? 1 : 0);
      } else {
        assertThat(
                TestDatabase.count(
                    "SELECT count(*) FROM generated_poses WHERE generation_id = ?",
                    generation.id()))
            .as("poses of " + generation.status() + " " + generation.id())
            .isEqualTo(
                TestDatabase.count(
                    "SELECT count(*) FROM generation_jobs WHERE generation_id = ?"
                        + " AND status = 'completed'",
                    generation.id()));
      }
    }
    LedgerInvariants.assertNothingPrepared(brokerPort, Duration.ofMinutes(1));
    return generations;
  }

  /**
   * Every start fails if readiness or startup answered 200 before {@code /api/apps} did (polled
   * every 100 ms from the launch, {@code PayaraProcess}); this checks that the polling really saw
   * the start: both probes answered, DOWN, while the API did not yet.
   */
  private static void probesSaidDownUntilTheApiAnswered(PayaraProcess payara) {
    List<String> timeline = payara.lastStartTimeline();
    LOG.info(() -> "probes during the start: " + timeline);
    assertThat(timeline)
        .as("the probes answered 503 while the API did not answer 200 yet")
        .anyMatch(poll -> poll.matches(".* ready=503 started=503 apps=(0|404|500)"));
  }

  private static PayaraProcess start(String scenario, String modelTime) throws Exception {
    return start(scenario, modelTime, "PT30S");
  }

  /**
   * @param deadline how long a job may stay processing before the sweeper fails and refunds it
   */
  private static PayaraProcess start(String scenario, String modelTime, String deadline)
      throws Exception {
    return start(scenario, modelTime, deadline, Map.of());
  }

  /**
   * @param settings more environment for this scenario
   */
  private static PayaraProcess start(
      String scenario, String modelTime, String deadline, Map<String, String> settings)
      throws Exception {
    Path data = Path.of(ProjectScripts.itDir("crash-" + scenario));
    ProjectScripts.deleteFolder(data);
    PayaraProcess payara =
        new PayaraProcess(
            ProjectScripts.freePort(),
            data,
            merged(
                settings,
                "LUMIKU_BROKER_PORT",
                String.valueOf(brokerPort),
                "LUMIKU_GENERATOR_LOCAL_MODEL_TIME",
                modelTime,
                "LUMIKU_TRANSACTIONS_IN_DOUBT_LIMIT",
                "PT5S",
                "LUMIKU_GENERATIONS_DEADLINE",
                deadline,
                "LUMIKU_GENERATIONS_SWEEP_INTERVAL",
                "PT2S",
                "LUMIKU_BROKER_ABANDONED_BRANCH_AGE",
                "PT5S",
                "LUMIKU_BROKER_ABANDONED_BRANCH_CHECK_INTERVAL",
                "PT1S",
                "LUMIKU_PAYMENTS_SIMULATOR_MERCHANT_CODE",
                SIMULATOR.merchantCode(),
                "LUMIKU_PAYMENTS_SIMULATOR_API_KEY",
                SIMULATOR.apiKey()));
    payara.start();
    return payara;
  }

  /** The scenario's own settings over the pairs every scenario sets. */
  private static Map<String, String> merged(Map<String, String> settings, String... pairs) {
    Map<String, String> environment = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      environment.put(pairs[i], pairs[i + 1]);
    }
    environment.putAll(settings);
    return environment;
  }

  private Api api() {
    try {
      return new Api(URI.create(payara.baseUrl() + "/").toURL());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Api.Member richMember(Api api) {
    Api.Member member = api.register();
    api.grant(member, 1000);
    return member;
  }
}
