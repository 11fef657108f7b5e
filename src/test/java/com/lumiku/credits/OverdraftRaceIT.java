package com.lumiku.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.Api;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.GenerationRow;
import com.lumiku.testing.TestDatabase.LedgerRow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A thousand orders race for a balance that covers exactly 250 of them, over HTTP, 100 at a time:
 * exactly 250 are accepted, the rest get 402, the balance ends at zero and never went below, and
 * the ledger, the generations and the workers agree.
 */
class OverdraftRaceIT extends DeployedApplicationTest {

  static final int ORDERS = 1000;
  static final int AFFORDABLE = 250;
  static final int CONNECTIONS = 100;
  static final int COST = 10;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @Test
  void concurrentOrdersNeverOverdraw() throws Exception {
    Api.Member member = api.register();
    api.grant(member, AFFORDABLE * COST - 100L);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(AFFORDABLE * COST);
    UUID projectId = api.createProject(member);

    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    long took = race(member, projectId, statuses);
    int accepted = count(statuses, 202);
    int rejected = count(statuses, 402);
    long balance = TestDatabase.balance(member.id());
    System.out.printf(
        "overdraft race: %d orders over %d connections in %d ms: %d accepted, %d rejected (402),"
            + " other %s, final balance %d%n",
        ORDERS, CONNECTIONS, took, accepted, rejected, statuses, balance);

    assertThat(accepted).isEqualTo(AFFORDABLE);
    assertThat(rejected).isEqualTo(ORDERS - AFFORDABLE);
    assertThat(balance).isZero();
    List<LedgerRow> ledger = TestDatabase.ledger(member.id());
    assertThat(ledger.stream().filter(e -> e.type().equals("deduct")).count())
        .isEqualTo(AFFORDABLE);
    assertThat(ledger.stream().mapToLong(LedgerRow::amount).sum()).isEqualTo(balance);
    assertThat(ledger).allSatisfy(e -> assertThat(e.balanceAfter()).isNotNegative());
    assertThat(TestDatabase.generations(member.id())).hasSize(AFFORDABLE);

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                TestDatabase.generations(member.id()).stream()
                    .allMatch(g -> g.status().equals("completed")));
    assertThat(TestDatabase.generations(member.id()))
        .extracting(GenerationRow::attempts)
        .containsOnly(1);
    assertThat(TestDatabase.avatarsOfUser(member.id())).isEqualTo(AFFORDABLE);
    assertThat(TestDatabase.preparedTransactions()).isZero();
  }

  private long race(Api.Member member, UUID projectId, Map<Integer, AtomicInteger> statuses)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI order =
        URI.create(
            api.base() + "/api/apps/avatar-creator/projects/" + projectId + "/avatars/generate");
    ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      String body = "{\"prompt\":\"racer " + i + "\",\"name\":\"Racer " + i + "\"}";
      done.add(
          clients.submit(
              () -> {
                start.await();
                HttpRequest request =
                    HttpRequest.newBuilder(order)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + member.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return null;
              }));
    }
    long began = System.nanoTime();
    start.countDown();
    for (Future<?> request : done) {
      request.get();
    }
    clients.shutdown();
    return (System.nanoTime() - began) / 1_000_000;
  }

  private static int count(Map<Integer, AtomicInteger> statuses, int status) {
    AtomicInteger count = statuses.get(status);
    return count == null ? 0 : count.get();
  }
}
