package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.lumiku.probe.ProbeApp;
import com.lumiku.probe.ProbeBatch;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.LedgerRow;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Batches: one generation charged once, done as one job per part, each with its own message,
 * attempts, outcome and refund. A batch ends completed, partial (each failed job refunded once, on
 * its own ledger reference) or failed (everything refunded), and a pending batch is canceled with
 * all its jobs. Staged with the probe app, whose jobs do what each part says.
 */
public interface BatchScenarios extends Scenarios {

  int RUN_PRICE = 5;

  @Test
  default void aBatchWhoseJobsAllSucceedCompletes() {
    Api.Member member = api().register();
    Response accepted = api().orderProbeBatch(member, batch("all good", ok("a"), ok("b"), ok("c")));
    accepted
        .then()
        .statusCode(202)
        .body("creditUsed", equalTo(3 * RUN_PRICE))
        .body("generation.jobsTotal", equalTo(3))
        .body("generation.jobsCompleted", equalTo(0));
    UUID generation = UUID.fromString(accepted.path("generation.id"));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("jobsCompleted")).isEqualTo(3);
    assertThat(done.getInt("jobsFailed")).isZero();
    assertThat(done.getInt("progress")).isEqualTo(100);
    assertThat(done.getLong("creditRefunded")).isZero();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM probe_runs WHERE generation_id = ?", generation))
        .isEqualTo(3);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
  }

  @Test
  default void aBatchWithOneFailedJobEndsPartialWithThatJobRefundedOnce() {
    Api.Member member = api().register();
    UUID generation =
        accepted(
            member,
            batch(
                "one refused",
                ok("a"),
                ok("b"),
                new ProbeOrder("refused", 0, 0, true, false),
                ok("d"),
                ok("e")));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("partial");
    assertThat(done.getInt("jobsCompleted")).isEqualTo(4);
    assertThat(done.getInt("jobsFailed")).isEqualTo(1);
    assertThat(done.getLong("creditRefunded")).isEqualTo(RUN_PRICE);
    assertThat(done.getBoolean("refunded")).isFalse();
    assertThat(done.getString("errorCode")).isEqualTo("partial");
    assertThat(done.getString("errorMessage")).startsWith("1 of 5 parts failed");
    JsonPath operators = api().adminView(generation);
    List<Map<String, Object>> failed =
        operators.<Map<String, Object>>getList("jobs").stream()
            .filter(job -> job.get("status").equals("failed"))
            .toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0)).containsEntry("position", 2).containsEntry("refunded", true);
    UUID failedJob = UUID.fromString((String) failed.get(0).get("id"));
    assertThat(TestDatabase.ledger(member.id()))
        .filteredOn(e -> e.type().equals("refund"))
        .extracting(LedgerRow::referenceType, LedgerRow::referenceId, LedgerRow::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("generation-job", failedJob, 5L));
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 5 * RUN_PRICE + RUN_PRICE);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));

    // The owner reads each part's outcome and result, never the internal detail.
    JsonPath jobs =
        api()
            .as(member)
            .get("/api/generations/" + generation + "/jobs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(jobs.getList("position", Integer.class)).containsExactly(0, 1, 2, 3, 4);
    assertThat(jobs.getList("status"))
        .containsExactly("completed", "completed", "failed", "completed", "completed");
    assertThat(jobs.getString("[0].result.label")).isEqualTo("a");
    assertThat(jobs.getString("[2].errorCode")).isEqualTo("probe-refused");
    assertThat(jobs.getBoolean("[2].refunded")).isTrue();
    assertThat(jobs.getMap("[2]")).doesNotContainKeys("errorDetail", "endedBy");
    api()
        .as(api().register())
        .get("/api/generations/" + generation + "/jobs")
        .then()
        .statusCode(404);
  }

  @Test
  default void aBatchWhoseJobsAllFailEndsFailedAndFullyRefunded() {
    Api.Member member = api().register();
    UUID generation =
        accepted(
            member,
            batch(
                "nothing works",
                new ProbeOrder("refused", 0, 0, true, false),
                new ProbeOrder("never", 0, 99, false, false),
                new ProbeOrder("never either", 0, 99, false, false)));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(40));

    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getInt("jobsFailed")).isEqualTo(3);
    assertThat(done.getBoolean("refunded")).isTrue();
    assertThat(done.getLong("creditRefunded")).isEqualTo(3 * RUN_PRICE);
    assertThat(TestDatabase.ledger(member.id()))
        .filteredOn(e -> e.type().equals("refund"))
        .hasSize(3);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(api().adminView(generation).getList("jobs.endedBy"))
        .containsExactlyInAnyOrder("worker", "dead-letter", "dead-letter");
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
  }

  @Test
  default void aJobIsRetriedAloneWhileTheOthersGoOn() {
    Api.Member member = api().register();
    UUID generation =
        accepted(
            member,
            batch(
                "one hiccup",
                new ProbeOrder("hiccup", 0, 1, false, false),
                new ProbeOrder("b", 300, 0, false, false),
                new ProbeOrder("c", 300, 0, false, false)));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("attempts")).isEqualTo(2);
    assertThat(api().adminView(generation).getList("jobs.attempts", Integer.class))
        .containsExactly(2, 1, 1);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 3 * RUN_PRICE);
  }

  @Test
  default void aPendingBatchIsCanceledWithAllItsJobsAndEachIsRefunded() {
    Api.Member member = api().register();
    List<UUID> busy = new ArrayList<>();
    for (int i = 0; i < ProbeApp.CONCURRENCY; i++) {
      busy.add(api().acceptedProbe(member, new ProbeOrder("busy " + i, 3000, 0, false, false)));
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                busy.stream()
                    .allMatch(
                        id ->
                            api().generation(member, id).getString("status").equals("processing")));
    UUID waiting = accepted(member, batch("waits", ok("x"), ok("y"), ok("z")));

    api()
        .as(member)
        .post("/api/generations/" + waiting + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("canceled"))
        .body("refunded", equalTo(true))
        .body("creditRefunded", equalTo(3 * RUN_PRICE));

    assertThat(api().adminView(waiting).getList("jobs.status"))
        .containsExactly("canceled", "canceled", "canceled");
    for (UUID started : busy) {
      api().awaitTerminal(member, started, Duration.ofSeconds(60));
    }
    await()
        .pollDelay(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(10))
        .until(() -> TestBroker.messageCount(ProbeApp.QUEUE) == 0);
    assertThat(
            TestDatabase.count("SELECT count(*) FROM probe_runs WHERE generation_id = ?", waiting))
        .isZero();
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(10));
  }

  private UUID accepted(Api.Member member, ProbeBatch batch) {
    return api().acceptedProbeBatch(member, batch);
  }

  private static ProbeBatch batch(String label, ProbeOrder... parts) {
    return ProbeBatch.of(label, List.of(parts));
  }

  private static ProbeOrder ok(String label) {
    return ProbeOrder.succeed(label);
  }
}
