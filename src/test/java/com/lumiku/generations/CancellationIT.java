package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.lumiku.testing.Api;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.LedgerRow;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A pending generation can be canceled and is refunded exactly once, however many cancels race;
 * once a worker has started it, cancel is refused; its queued message, when a worker takes it, does
 * no work. The model is slow here (3 s) so that the four workers are busy and later orders stay
 * pending.
 */
class CancellationIT extends DeployedApplicationTest {

  static final int WORKERS = 4;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.applicationWith("lumiku.generator.local.model-time=PT3S");
  }

  @Test
  void aPendingGenerationIsCanceledAndRefundedAndItsMessageDoesNoWork() {
    Api.Member member = api.register();
    UUID projectId = api.createProject(member);
    List<UUID> busy = occupyAllWorkers(member, projectId);
    UUID waiting = api.acceptedAvatar(member, projectId, "waits its turn");
    assertThat(api.generation(member, waiting).getString("status")).isEqualTo("pending");

    api.as(member)
        .post("/api/generations/" + waiting + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("canceled"))
        .body("refunded", equalTo(true));

    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 10 * WORKERS);
    assertThat(TestDatabase.ledger(member.id()))
        .filteredOn(e -> e.type().equals("refund"))
        .extracting(LedgerRow::referenceId, LedgerRow::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(waiting, 10L));

    api.as(member)
        .post("/api/generations/" + busy.get(0) + "/cancel")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    api.as(member).post("/api/generations/" + waiting + "/cancel").then().statusCode(409);
    api.as(api.register()).post("/api/generations/" + waiting + "/cancel").then().statusCode(404);

    for (UUID started : busy) {
      assertThat(api.awaitTerminal(member, started, Duration.ofSeconds(60)).getString("status"))
          .isEqualTo("completed");
    }
    // The canceled generation's message has been taken by now (it queued behind four 3 s jobs).
    await()
        .pollDelay(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(() -> com.lumiku.testing.TestBroker.messageCount("generations.avatar") == 0);
    assertThat(api.generation(member, waiting).getString("status")).isEqualTo("canceled");
    assertThat(TestDatabase.avatarsOfGeneration(waiting)).isZero();
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 10 * WORKERS);
  }

  @Test
  void racingCancelsRefundOnce() throws Exception {
    Api.Member member = api.register();
    UUID projectId = api.createProject(member);
    occupyAllWorkers(member, projectId);
    UUID waiting = api.acceptedAvatar(member, projectId, "canceled ten times");

    ExecutorService clients = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      answers.add(
          clients.submit(
              () -> {
                start.await();
                return api.as(member).post("/api/generations/" + waiting + "/cancel").statusCode();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> answer : answers) {
      statuses.add(answer.get());
    }
    clients.shutdown();

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
    assertThat(TestDatabase.ledger(member.id()))
        .filteredOn(e -> e.type().equals("refund"))
        .hasSize(1);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 10 * WORKERS);
    api.awaitTerminal(member, waiting, Duration.ofSeconds(5));
  }

  @Test
  void queuePositionsCountWhoWaitsAheadAndMoveUpWhenOneLeaves() {
    Api.Member member = api.register();
    UUID projectId = api.createProject(member);
    List<UUID> busy = occupyAllWorkers(member, projectId);
    List<UUID> waiting = new ArrayList<>();
    List<Integer> answered = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonPath order =
          api.orderAvatar(member, projectId, "waits in line " + i)
              .then()
              .statusCode(202)
              .extract()
              .jsonPath();
      waiting.add(UUID.fromString(order.getString("generation.id")));
      answered.add(order.getInt("generation.queuePosition"));
    }
    int first = answered.get(0);
    assertThat(first).isPositive();
    assertThat(answered).containsExactly(first, first + 1, first + 2);
    assertThat(pendingPositions(member)).containsExactly(first + 2, first + 1, first);
    assertThat(api.generation(member, waiting.get(2)).getInt("queuePosition")).isEqualTo(first + 2);

    api.as(member).post("/api/generations/" + waiting.get(1) + "/cancel").then().statusCode(200);
    assertThat(pendingPositions(member)).containsExactly(first + 1, first);
    assertThat(api.generation(member, waiting.get(2)).getInt("queuePosition")).isEqualTo(first + 1);

    for (UUID id : List.of(busy.get(0), waiting.get(0), waiting.get(2))) {
      api.awaitTerminal(member, id, Duration.ofSeconds(60));
    }
  }

  /** The queue positions of the member's pending generations, as listed (newest first). */
  private List<Integer> pendingPositions(Api.Member member) {
    return api.as(member)
        .get("/api/generations?status=pending")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.queuePosition", Integer.class);
  }

  /** Orders one generation per worker and waits until all of them are being processed. */
  private List<UUID> occupyAllWorkers(Api.Member member, UUID projectId) {
    List<UUID> busy = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      busy.add(api.acceptedAvatar(member, projectId, "keeps a worker busy " + i));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                busy.stream()
                    .allMatch(
                        id -> api.generation(member, id).getString("status").equals("processing")));
    return busy;
  }
}
