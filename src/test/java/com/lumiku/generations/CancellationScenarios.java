package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.lumiku.probe.ProbeApp;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Race;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * A pending generation can be canceled and is refunded exactly once, however many cancels race;
 * once a worker has started it, cancel is refused; its queued message, when a worker takes it, does
 * no work. The probe app's four workers are kept busy with 3 s runs so that later orders stay
 * pending.
 */
public interface CancellationScenarios extends Scenarios {

  int PROBE_PRICE = 5;

  @Test
  default void aPendingGenerationIsCanceledAndRefundedAndItsMessageDoesNoWork() {
    Api.Member member = api().register();
    List<UUID> busy = occupyAllProbeWorkers(member);
    UUID waiting = api().acceptedProbe(member, ProbeOrder.succeed("waits its turn"));
    assertThat(api().generation(member, waiting).getString("status")).isEqualTo("pending");

    api()
        .as(member)
        .post("/api/generations/" + waiting + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("canceled"))
        .body("refunded", equalTo(true))
        .body("errorCode", equalTo("canceled"));

    long afterCancel = 100 - PROBE_PRICE * ProbeApp.CONCURRENCY;
    assertThat(TestDatabase.balance(member.id())).isEqualTo(afterCancel);
    LedgerInvariants.assertRefundedOnce(member.id(), waiting, PROBE_PRICE);

    api()
        .as(member)
        .post("/api/generations/" + busy.get(0) + "/cancel")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    api().as(member).post("/api/generations/" + waiting + "/cancel").then().statusCode(409);
    api()
        .as(api().register())
        .post("/api/generations/" + waiting + "/cancel")
        .then()
        .statusCode(404);
    api().as(member).post("/api/generations/not-a-uuid/cancel").then().statusCode(404);

    for (UUID started : busy) {
      assertThat(api().awaitTerminal(member, started, Duration.ofSeconds(60)).getString("status"))
          .isEqualTo("completed");
    }
    // The canceled generation's message has been taken by now (it queued behind four 3 s runs).
    await()
        .pollDelay(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .until(() -> TestBroker.messageCount(ProbeApp.QUEUE) == 0);
    assertThat(api().generation(member, waiting).getString("status")).isEqualTo("canceled");
    assertThat(
            TestDatabase.count("SELECT count(*) FROM probe_runs WHERE generation_id = ?", waiting))
        .isZero();
    assertThat(TestDatabase.balance(member.id())).isEqualTo(afterCancel);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(10));
  }

  @Test
  default void racingCancelsRefundOnce() throws Exception {
    Api.Member member = api().register();
    occupyAllProbeWorkers(member);
    UUID waiting = api().acceptedProbe(member, ProbeOrder.succeed("canceled ten times"));

    Callable<Integer> cancel =
        () -> api().as(member).post("/api/generations/" + waiting + "/cancel").statusCode();
    List<Integer> statuses = Race.allAtOnce(Collections.nCopies(10, cancel), 10);

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
    LedgerInvariants.assertRefundedOnce(member.id(), waiting, PROBE_PRICE);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(30));
  }

  @Test
  default void queuePositionsCountWhoWaitsAheadAndMoveUpWhenOneLeaves() {
    Api.Member member = api().register();
    List<UUID> busy = occupyAllProbeWorkers(member);
    List<UUID> waiting = new ArrayList<>();
    List<Integer> answered = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonPath order =
          api()
              .orderProbe(member, ProbeOrder.succeed("waits in line " + i))
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
    assertThat(api().generation(member, waiting.get(2)).getInt("queuePosition"))
        .isEqualTo(first + 2);

    api().as(member).post("/api/generations/" + waiting.get(1) + "/cancel").then().statusCode(200);
    assertThat(pendingPositions(member)).containsExactly(first + 1, first);
    assertThat(api().generation(member, waiting.get(2)).getInt("queuePosition"))
        .isEqualTo(first + 1);

    for (UUID id : List.of(busy.get(0), waiting.get(0), waiting.get(2))) {
      api().awaitTerminal(member, id, Duration.ofSeconds(60));
    }
  }

  /**
   * Orders that arrive together are committed together (group commit), yet each is told its own
   * place, the one the listing gives it once committed: an order's count of who waits ahead
   * includes its batch's earlier orders, whether their rows are written yet or not (an order with
   * an Idempotency-Key writes what its transaction has still to write as it claims its key; one
   * without leaves its rows to the commit). Three keyed orders among eight: in any order of
   * arrival, two orders without a key follow each other.
   */
  @Test
  default void ordersCommittedTogetherAreToldDistinctQueuePositions() throws Exception {
    Api.Member member = api().register();
    List<UUID> busy = occupyAllProbeWorkers(member);
    int orders = 8;
    List<Callable<JsonPath>> sends = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      ProbeOrder order = ProbeOrder.succeed("waits with others " + i);
      String key = i % 3 == 1 ? "together-" + UUID.randomUUID() : null;
      sends.add(
          () ->
              api()
                  .as(member)
                  .headers(key == null ? Map.of() : Map.of("Idempotency-Key", key))
                  .body(order)
                  .post(Api.QUICK_PROBE_RUNS)
                  .then()
                  .statusCode(202)
                  .extract()
                  .jsonPath());
    }
    List<Integer> positions = new ArrayList<>();
    List<UUID> waiting = new ArrayList<>();
    for (JsonPath accepted : Race.allAtOnce(sends, orders)) {
      positions.add(accepted.getInt("generation.queuePosition"));
      waiting.add(UUID.fromString(accepted.getString("generation.id")));
    }

    // The workers are all busy for 3 s: nothing leaves the queue while the orders come in.
    int first = positions.stream().min(Integer::compare).orElseThrow();
    assertThat(positions).doesNotHaveDuplicates();
    assertThat(positions.stream().max(Integer::compare).orElseThrow())
        .isEqualTo(first + orders - 1);
    assertThat(pendingPositions(member)).containsExactlyInAnyOrderElementsOf(positions);
    waiting.addAll(busy);
    for (UUID id : waiting) {
      api().awaitTerminal(member, id, Duration.ofSeconds(60));
    }
  }

  /** The queue positions of the member's pending generations, as listed (newest first). */
  private List<Integer> pendingPositions(Api.Member member) {
    return api()
        .as(member)
        .get("/api/generations?status=pending")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.queuePosition", Integer.class);
  }

  /** Orders one 3 s probe run per worker and waits until all of them are being processed. */
  private List<UUID> occupyAllProbeWorkers(Api.Member member) {
    List<UUID> busy = new ArrayList<>();
    for (int i = 0; i < ProbeApp.CONCURRENCY; i++) {
      busy.add(
          api()
              .acceptedProbe(
                  member, new ProbeOrder("keeps a worker busy " + i, 3000, 0, false, false)));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                busy.stream()
                    .allMatch(
                        id ->
                            api().generation(member, id).getString("status").equals("processing")));
    return busy;
  }
}
