package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.Api;
import com.lumiku.testing.BrokerBranches;
import com.lumiku.testing.PayaraProcess;
import com.lumiku.testing.ProjectScripts;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.GenerationRow;
import com.lumiku.testing.TestDatabase.LedgerRow;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What happens to paid work when things break mid-burst, on the real stack: Payara Micro killed
 * with {@code kill -9} and restarted on the same transaction log, the broker stopped and restarted,
 * every database connection cut, and Payara stopped with SIGTERM while jobs run. After each, every
 * generation must end (completed, or failed and refunded), no generation may be worked twice (one
 * avatar each), every balance must equal its ledger, and no XA branch may stay prepared, in
 * PostgreSQL (Payara's automatic recovery at start ends those) or in the broker (Payara's recovery
 * cannot see the broker; AbandonedBrokerBranches rolls back what a crash left there, after 5 s
 * here).
 *
 * <p>These scenarios run against a broker of their own (started here with bin/broker on a free
 * port), not the suite's: until such a branch is rolled back, the message it holds counts as
 * queued, and other tests wait for an empty queue.
 */
class CrashSafetyIT {

  static final Set<String> TERMINAL = Set.of("completed", "failed", "canceled");

  static final String BROKER_DIR = ProjectScripts.itDir("crash-broker-server");
  static int brokerPort;

  PayaraProcess payara;

  @BeforeAll
  static void startOwnBroker() throws IOException {
    TestBroker.stop(BROKER_DIR); // one an aborted earlier run left behind (its PID file is there)
    deleteFolder(Path.of(BROKER_DIR));
    brokerPort = freePort();
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
        List<String> prepared = TestDatabase.preparedTransactionIds();
        if (!prepared.isEmpty()) {
          Thread.sleep(1000);
          inDoubt =
              prepared.stream().filter(TestDatabase.preparedTransactionIds()::contains).toList();
        }
        if (inDoubt.isEmpty()) {
          payara.resume();
          Thread.sleep(5);
        }
      }
      payara.kill();
    } finally {
      burst.stop();
    }
    System.out.printf(
        "crash safety: XA branches in doubt at the kill %s, caught after %d pauses%n",
        inDoubt, pauses);
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
    long inDoubt = TestDatabase.preparedTransactions();
    System.out.printf(
        "crash safety: %d database connections cut, %d XA branches left in doubt%n", cut, inDoubt);
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
    payara = start("sigterm", "PT4S");
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
    System.out.printf(
        "crash safety: SIGTERM with 2 jobs running: Payara stopped in %d ms%n", stopped.toMillis());
    payara.start();

    assertAddsUp(member);
    for (UUID generation : running) {
      assertThat(api.awaitTerminal(member, generation, Duration.ofSeconds(60)).getString("status"))
          .isEqualTo("completed");
      assertThat(TestDatabase.avatarsOfGeneration(generation)).isEqualTo(1);
    }
  }

  private void report(String what, Burst burst, Api.Member member, Api api) {
    List<GenerationRow> generations = assertAddsUp(member);
    long completed = generations.stream().filter(g -> g.status().equals("completed")).count();
    long refunded = generations.size() - completed;
    long retried = generations.stream().filter(g -> g.attempts() > 1).count();
    System.out.printf(
        "crash safety: %s: %d orders sent, %d accepted, %d refused or lost in flight; %d generations:"
            + " %d completed, %d failed and refunded, %d needed another attempt; duplicates 0,"
            + " credits lost 0, prepared XA branches 0%n",
        what,
        burst.sent.get(),
        burst.accepted.size(),
        burst.sent.get() - burst.accepted.size(),
        generations.size(),
        completed,
        refunded,
        retried);
    assertThat(generations).extracting(GenerationRow::id).containsAll(burst.accepted);
  }

  /** Waits until every generation of the member ended, then checks that everything adds up. */
  private List<GenerationRow> assertAddsUp(Api.Member member) {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                TestDatabase.generations(member.id()).stream()
                    .allMatch(g -> TERMINAL.contains(g.status())));
    List<GenerationRow> generations = TestDatabase.generations(member.id());
    List<LedgerRow> ledger = TestDatabase.ledger(member.id());

    assertThat(TestDatabase.balance(member.id()))
        .as("balance = sum of the ledger")
        .isEqualTo(ledger.stream().mapToLong(LedgerRow::amount).sum());
    assertThat(ledger.stream().filter(e -> e.type().equals("deduct")).map(LedgerRow::referenceId))
        .as("one deduction per generation")
        .containsExactlyInAnyOrderElementsOf(generations.stream().map(GenerationRow::id).toList());
    for (GenerationRow generation : generations) {
      long avatars = TestDatabase.avatarsOfGeneration(generation.id());
      long refunds =
          ledger.stream()
              .filter(e -> e.type().equals("refund") && generation.id().equals(e.referenceId()))
              .count();
      if (generation.status().equals("completed")) {
        assertThat(avatars).as("avatars of completed " + generation.id()).isEqualTo(1);
        assertThat(refunds).isZero();
      } else {
        assertThat(avatars)
            .as("avatars of " + generation.status() + " " + generation.id())
            .isZero();
        assertThat(refunds)
            .as("refunds of " + generation.status() + " " + generation.id())
            .isEqualTo(1);
      }
    }
    await().atMost(Duration.ofMinutes(1)).until(() -> TestDatabase.preparedTransactions() == 0);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> BrokerBranches.preparedBranches(brokerPort).isEmpty());
    return generations;
  }

  private static PayaraProcess start(String scenario, String modelTime) throws Exception {
    Path data = Path.of(ProjectScripts.itDir("crash-" + scenario));
    deleteFolder(data);
    PayaraProcess payara =
        new PayaraProcess(
            freePort(),
            data,
            Map.of(
                "LUMIKU_BROKER_PORT", String.valueOf(brokerPort),
                "LUMIKU_GENERATOR_LOCAL_MODEL_TIME", modelTime,
                "LUMIKU_TRANSACTIONS_IN_DOUBT_LIMIT", "PT5S",
                "LUMIKU_GENERATIONS_DEADLINE", "PT30S",
                "LUMIKU_GENERATIONS_SWEEP_INTERVAL", "PT2S",
                "LUMIKU_BROKER_ABANDONED_BRANCH_AGE", "PT5S",
                "LUMIKU_BROKER_ABANDONED_BRANCH_CHECK_INTERVAL", "PT1S"));
    payara.start();
    return payara;
  }

  private static void deleteFolder(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Orders at a steady pace from a thread of its own, whatever happens to the server. */
  static final class Burst {
    final List<UUID> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread thread;

    static Burst start(Api api, Api.Member member, int orders, Duration pace) {
      Burst burst = new Burst();
      UUID projectId = api.createProject(member);
      burst.thread =
          new Thread(
              () -> {
                for (int i = 0; i < orders && !burst.stopped.get(); i++) {
                  burst.sent.incrementAndGet();
                  try {
                    var answer = api.orderAvatar(member, projectId, "burst order " + i);
                    if (answer.statusCode() == 202) {
                      burst.accepted.add(UUID.fromString(answer.path("generation.id")));
                    }
                  } catch (Exception lostInFlight) {
                    // the server went away mid-request (RestAssured rethrows the IOException
                    // unchecked): the order may or may not have committed
                  }
                  try {
                    Thread.sleep(pace.toMillis());
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "burst");
      burst.thread.start();
      return burst;
    }

    void stop() throws InterruptedException {
      stopped.set(true);
      thread.join(30_000);
    }

    void awaitDone() throws InterruptedException {
      thread.join(120_000);
    }
  }
}
