package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.PayaraProcess;
import com.lumiku.testing.ProjectScripts;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase.GenerationRow;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro instances on one broker and one database, set up as {@code ./run --instances 2}
 * sets them up (bin/payara; each instance its own port, XA server name, transaction log and Payara
 * folder; the data folder, so images and the signing key, shared), and a client that alternates
 * over the instances that are ready and retries a failed request on the other one with the same
 * Idempotency-Key, as a load balancer with retries does.
 *
 * <p>Both consume (each instance's readiness counts its own consumers, and the operators' view
 * lists both); a {@code kill -9} of one mid-burst loses and doubles nothing while the survivor
 * stays ready (the killed instance is then restarted on its own transaction log, as an orchestrator
 * would, so that its recovery ends the XA branches it left prepared); a rolling restart under load
 * (SIGTERM, start, then the other) fails no request as the client sees it, and a request retried
 * with its key is charged once.
 *
 * <p>Like CrashSafetyIT, these instances use a broker of their own (bin/broker on a free port): a
 * killed instance's prepared branches count as queued messages until they are ended, and other
 * tests wait for empty queues. The database is the suite's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

  private static final Logger LOG = Logger.getLogger(MultiInstanceIT.class.getName());

  static final String BROKER_DIR = ProjectScripts.itDir("multi-broker-server");
  static final Path DATA = Path.of(ProjectScripts.itDir("multi-instance"));
  static final List<String> NAMES = List.of("multi-1", "multi-2");

  static int brokerPort;
  static final List<PayaraProcess> instances = new ArrayList<>();

  @BeforeAll
  static void startBrokerAndInstances() throws Exception {
    TestBroker.stop(BROKER_DIR); // one an aborted earlier run left behind
    ProjectScripts.deleteFolder(Path.of(BROKER_DIR));
    brokerPort = ProjectScripts.freePort();
    TestBroker.start(BROKER_DIR, brokerPort);
    ProjectScripts.deleteFolder(DATA);
    for (String name : NAMES) {
      instances.add(
          new PayaraProcess(
              ProjectScripts.freePort(),
              DATA,
              DATA.resolve("logs-" + name),
              Map.ofEntries(
                  Map.entry("LUMIKU_TX_SERVER_NAME", name),
                  Map.entry("LUMIKU_TX_LOG_DIR", DATA.resolve("txlog-" + name).toString()),
                  Map.entry("PAYARA_INSTANCE_DIR", DATA.resolve("payara-" + name).toString()),
                  Map.entry("LUMIKU_BROKER_PORT", String.valueOf(brokerPort)),
                  Map.entry("LUMIKU_GENERATOR_LOCAL_MODEL_TIME", "PT0.5S"),
                  Map.entry("LUMIKU_TRANSACTIONS_IN_DOUBT_LIMIT", "PT5M"),
                  Map.entry("LUMIKU_BROKER_ABANDONED_BRANCH_AGE", "PT5S"),
                  Map.entry("LUMIKU_BROKER_ABANDONED_BRANCH_CHECK_INTERVAL", "PT1S"))));
    }
    // Both start at once, as ./run starts them (the schema and the signing key are made once).
    CompletableFuture<?>[] starts =
        instances.stream()
            .map(instance -> CompletableFuture.runAsync(() -> start(instance)))
            .toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(starts).join();
  }

  @AfterAll
  static void stopAll() throws InterruptedException {
    for (PayaraProcess instance : instances) {
      instance.close();
    }
    TestBroker.stop(BROKER_DIR);
  }

  @Test
  @Order(1)
  void eachInstanceCountsItsOwnConsumersAndTheOperatorsSeeBoth() {
    for (int i = 0; i < instances.size(); i++) {
      Map<String, String> data = workQueues(instances.get(i));
      assertThat(data.get("instance")).isEqualTo(NAMES.get(i));
      assertThat(Integer.parseInt(data.get(AvatarCreator.QUEUE + ".consumers"))).isPositive();
      assertThat(Integer.parseInt(data.get(AvatarCreator.QUEUE + ".consumers-all")))
          .isGreaterThan(Integer.parseInt(data.get(AvatarCreator.QUEUE + ".consumers")));
    }
    JsonPath workers = api(0).operatorView("/api/health/workers");
    List<Map<String, Object>> avatarInstances =
        workers.getList("find { it.name == 'avatar' }.instances");
    assertThat(avatarInstances)
        .extracting(instance -> instance.get("name"))
        .containsExactlyInAnyOrderElementsOf(NAMES);
    assertThat(avatarInstances)
        .allSatisfy(instance -> assertThat((Integer) instance.get("consumers")).isPositive());
  }

  @Test
  @Order(2)
  void ordersSpreadOverBothInstancesAllEnd() throws Exception {
    Api api = api(0);
    Api.Member member = richMember(api);
    try (Client client = new Client(api.createProject(member), member)) {
      Load load = Load.start(client, Duration.ofMillis(100));
      while (load.outcomes.size() < 30) {
        Thread.sleep(100);
      }
      load.stop();
      assertThat(load.failed()).isEmpty();
      assertThat(load.servedBy()).containsOnlyKeys(0, 1);
      report("orders over two instances", load, member);
    }
  }

  @Test
  @Order(3)
  void killNineOfOneMidBurstLosesNothingAndTheSurvivorStaysReady() throws Exception {
    Api api = api(0);
    Api.Member member = richMember(api);
    try (Client client = new Client(api.createProject(member), member)) {
      Load load = Load.start(client, Duration.ofMillis(150));
      Thread.sleep(4000);
      instances.get(1).kill();
      Thread.sleep(6000);
      // Restarted on its own transaction log while the load goes on, as an orchestrator restarts
      // a dead instance: its recovery ends the XA branches it left prepared in PostgreSQL. An
      // order the kill caught between its prepare and its commit holds its rows (its
      // Idempotency-Key's among them) until then, so its retries on the survivor answer 503
      // (retry with the key) until that recovery, and then its first outcome.
      start(instances.get(1));
      load.stop();
      // The client retries an order the dead instance did not answer on the survivor, with the
      // same Idempotency-Key: none fails.
      assertThat(load.failed()).as("requests that failed on every instance").isEmpty();
      Readiness survivor = client.readiness.get(0);
      int survivorNotReady = survivor.notReady.get();
      report("kill -9 of one of two instances mid-burst", load, member);
      LOG.log(
          Level.INFO,
          "multi-instance: the readiness of the survivor answered 200 throughout ({0} probes"
              + " slower than 5 s)",
          survivor.slow.get());
      assertThat(survivorNotReady).as("the survivor's readiness: not 200, or refused").isZero();
    }
  }

  @Test
  @Order(4)
  void aRollingRestartUnderLoadFailsNoRequestAndChargesEachOrderOnce() throws Exception {
    Api api = api(0);
    Api.Member member = richMember(api);
    try (Client client = new Client(api.createProject(member), member)) {
      Load load = Load.start(client, Duration.ofMillis(200));
      for (PayaraProcess instance : instances) {
        Thread.sleep(3000);
        // Within the stop grace (lumiku.stop.grace, 20 s) and a margin: the JVM halts itself then.
        Duration stopped = instance.terminate(Duration.ofSeconds(30));
        LOG.log(
            Level.INFO,
            "multi-instance: {0} stopped in {1}",
            new Object[] {instance.baseUrl(), stopped});
        start(instance);
      }
      Thread.sleep(3000);
      load.stop();
      assertThat(load.failed()).as("requests that failed on every instance").isEmpty();
      List<GenerationRow> generations = report("rolling restart under load", load, member);
      // One generation per Idempotency-Key, whichever instance answered and however often.
      assertThat(generations).hasSameSizeAs(load.outcomes);
    }
  }

  /**
   * Waits until every generation of the member ended, checks the money (LedgerInvariants: charged
   * once, refunded once, balances equal their ledgers, nothing prepared), one avatar per completed
   * generation, and that every accepted order is among them; logs the figures.
   */
  private static List<GenerationRow> report(String what, Load load, Api.Member member) {
    List<GenerationRow> generations =
        LedgerInvariants.assertAddsUp(member.id(), Duration.ofMinutes(3));
    LedgerInvariants.assertOneAvatarPerCompleted(generations);
    LedgerInvariants.assertNothingPrepared(brokerPort, Duration.ofMinutes(1));
    assertThat(generations).extracting(GenerationRow::id).containsAll(load.accepted());
    LOG.log(
        Level.INFO,
        "multi-instance: {0}: {1} orders, {2} accepted (by instance {3}), {4} retried on the other"
            + " instance ({5}), {6} failed; {7} generations, {8} completed, {9} worked more than once"
            + " (redelivered); duplicates 0, credits lost 0, prepared XA branches 0",
        new Object[] {
          what,
          load.outcomes.size(),
          load.accepted().size(),
          load.servedBy(),
          load.outcomes.stream().filter(o -> o.attempts() > 1).count(),
          load.client.retryCauses,
          load.failed().size(),
          generations.size(),
          generations.stream().filter(g -> g.status().equals("completed")).count(),
          generations.stream().filter(g -> g.attempts() > 1).count()
        });
    return generations;
  }

  private static Map<String, String> workQueues(PayaraProcess instance) {
    JsonPath ready = JsonPath.from(api(instance).get("/health/ready").asString());
    return ready.getMap("checks.find { it.name == 'work-queues' }.data");
  }

  private static Api api(int instance) {
    return api(instances.get(instance));
  }

  private static Api api(PayaraProcess instance) {
    try {
      return new Api(URI.create(instance.baseUrl() + "/").toURL());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Api.Member richMember(Api api) {
    Api.Member member = api.register();
    api.grant(member, 100_000);
    return member;
  }

  private static void start(PayaraProcess instance) {
    try {
      instance.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * An instance's readiness as a load balancer sees it: probed every 200 ms; answers other than 200
   * and refused connections count as not ready, probes without an answer in 5 s as slow (on this
   * 2-core machine an instance starting beside it can delay one; a balancer would skip it too).
   */
  static final class Readiness {
    final AtomicBoolean ready = new AtomicBoolean(true);
    final AtomicInteger notReady = new AtomicInteger();
    final AtomicInteger slow = new AtomicInteger();
  }

  /** What one order came to, as the client saw it. */
  record Outcome(String key, int status, UUID generation, int attempts, int instance) {}

  /**
   * Orders avatars, each with an Idempotency-Key of its own, alternating over the instances whose
   * readiness is UP; an order whose connection fails or that an instance answers with a 5xx, a 404
   * or another 2xx than 202 (the route exists: the application is not deployed there, e.g. while it
   * starts or stops; measured: a 200 from an instance starting), is sent to the next instance with
   * the same key, for up to 60 s. Other 4xx are refusals and final.
   */
  static final class Client implements AutoCloseable {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final UUID project;
    final Api.Member member;
    final List<Readiness> readiness = new ArrayList<>();
    final Map<String, Integer> retryCauses = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread prober;
    private int next;

    Client(UUID project, Api.Member member) {
      this.project = project;
      this.member = member;
      instances.forEach(instance -> readiness.add(new Readiness()));
      prober = new Thread(this::probe, "readiness-prober");
      prober.setDaemon(true);
      prober.start();
    }

    private void probe() {
      while (!closed.get()) {
        for (int i = 0; i < instances.size(); i++) {
          boolean up;
          boolean slow = false;
          try {
            HttpResponse<String> answer =
                http.send(
                    HttpRequest.newBuilder(URI.create(instances.get(i).baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            // The application's own checks, as ./run and PayaraProcess require: Payara answers 200
            // with no checks while the application is not deployed yet.
            up = answer.statusCode() == 200 && answer.body().contains("work-queues");
          } catch (java.net.http.HttpTimeoutException e) {
            up = false;
            slow = true;
          } catch (IOException e) {
            up = false;
          } catch (InterruptedException e) {
            return;
          }
          readiness.get(i).ready.set(up);
          if (slow) {
            readiness.get(i).slow.incrementAndGet();
          } else if (!up) {
            readiness.get(i).notReady.incrementAndGet();
          }
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    Outcome order(String prompt) throws InterruptedException {
      String key = "multi-" + UUID.randomUUID();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      int attempts = 0;
      int status = 0;
      int instance = nextReady();
      while (System.nanoTime() < deadline) {
        attempts++;
        try {
          HttpResponse<String> answer = http.send(request(instance, key, prompt), ofString());
          status = answer.statusCode();
          if (status == 202) {
            UUID generation =
                UUID.fromString(JsonPath.from(answer.body()).getString("generation.id"));
            return new Outcome(key, status, generation, attempts, instance);
          }
          if (status >= 400 && status < 500 && status != 404) {
            return new Outcome(key, status, null, attempts, instance); // a refusal: final
          }
          retryCauses.merge(String.valueOf(status), 1, Integer::sum);
        } catch (IOException e) {
          retryCauses.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
        Thread.sleep(100);
        instance = nextReady();
      }
      return new Outcome(key, status, null, attempts, -1);
    }

    /** The next instance in turn whose readiness is UP; the next in turn if none is. */
    private synchronized int nextReady() {
      for (int tried = 0; tried < instances.size(); tried++) {
        int candidate = next++ % instances.size();
        if (readiness.get(candidate).ready.get()) {
          return candidate;
        }
      }
      return next++ % instances.size();
    }

    private HttpRequest request(int instance, String key, String prompt) {
      String body = "{\"prompt\":\"" + prompt + "\",\"name\":\"Avatar\"}";
      return HttpRequest.newBuilder(
              URI.create(
                  instances.get(instance).baseUrl()
                      + "/api/apps/avatar-creator/projects/"
                      + project
                      + "/avatars/generate"))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + member.token())
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
      return HttpResponse.BodyHandlers.ofString();
    }

    @Override
    public void close() throws InterruptedException {
      closed.set(true);
      prober.join(10_000);
    }
  }

  /** Orders one after another at a pace, from a thread of its own, until stopped. */
  static final class Load {
    final Client client;
    final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread thread;

    private Load(Client client) {
      this.client = client;
    }

    static Load start(Client client, Duration pace) {
      Load load = new Load(client);
      load.thread =
          new Thread(
              () -> {
                for (int i = 0; !load.stopped.get(); i++) {
                  try {
                    load.outcomes.add(client.order("order " + i));
                    Thread.sleep(pace.toMillis());
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "multi-instance-load");
      load.thread.start();
      return load;
    }

    void stop() throws InterruptedException {
      stopped.set(true);
      thread.join(120_000);
    }

    List<UUID> accepted() {
      return outcomes.stream().map(Outcome::generation).filter(g -> g != null).toList();
    }

    List<Outcome> failed() {
      return outcomes.stream().filter(o -> o.status() != 202).toList();
    }

    /** How many orders each instance (by index) accepted. */
    Map<Integer, Long> servedBy() {
      Map<Integer, Long> served = new java.util.TreeMap<>();
      outcomes.stream()
          .filter(o -> o.status() == 202)
          .forEach(o -> served.merge(o.instance(), 1L, Long::sum));
      return served;
    }
  }
}
