package com.lumiku.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.lumiku.probe.ProbeApp;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An app the engine has never heard of, defined only in the tests ({@link ProbeApp}: a package, a
 * migration, a queue), is listed and priced, charged, routed to its own workers and worked off,
 * watched by readiness and the queue and worker figures, and retried, dead-lettered, failed and
 * refunded exactly like Avatar Creator: the engine needs no edit for a new app. What its owner
 * reads about a failure is a code and a sentence, never exception text or SQL.
 */
public interface NewAppScenarios extends Scenarios {

  int PRICE = 5;

  @Test
  default void aNewAppIsListedChargedAndWorkedOff() {
    api()
        .anonymous()
        .get("/api/apps")
        .then()
        .statusCode(200)
        .body("find { it.id == 'probe' }.name", equalTo("Probe"))
        .body("find { it.id == 'probe' }.enabled", equalTo(true))
        .body("find { it.id == 'probe' }.costs.run", equalTo(PRICE))
        .body("find { it.id == 'avatar-creator' }.costs.generate", equalTo(10));
    Api.Member member = api().register();

    Response accepted = api().orderProbe(member, ProbeOrder.succeed("first run"));

    accepted
        .then()
        .statusCode(202)
        .header("Location", startsWith(api().base() + "/api/generations/"))
        .body("creditUsed", equalTo(PRICE))
        .body("creditBalance", equalTo(100 - PRICE))
        .body("generation.app", equalTo(ProbeApp.ID))
        .body("generation.type", equalTo(ProbeApp.JOB_TYPE))
        .body("generation.status", equalTo("pending"));
    UUID generation = UUID.fromString(accepted.path("generation.id"));
    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getString("result.label")).isEqualTo("first run");
    assertThat(done.getInt("result.attempt")).isEqualTo(1);
    assertThat(done.getString("errorCode")).isNull();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM probe_runs WHERE generation_id = ? AND label = 'first run'",
                generation))
        .isEqualTo(1);
    assertThat(TestDatabase.ledger(member.id()).get(1).referenceId()).isEqualTo(generation);
    assertThat(api().adminView(generation).getString("endedBy")).isEqualTo("worker");
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
  }

  @Test
  default void itsQueueIsWatchedByReadinessAndTheFigures() {
    Api.Member member = api().register();
    api()
        .awaitTerminal(
            member,
            api().acceptedProbe(member, ProbeOrder.succeed("for the figures")),
            Duration.ofSeconds(30));

    String workQueues = "checks.find { it.name == 'work-queues' }";
    api()
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body(workQueues + ".data['" + ProbeApp.QUEUE + ".consumers']", equalTo("4"));
    JsonPath queues = api().operatorView("/api/health/queues");
    assertThat(queues.getInt("find { it.name == '" + ProbeApp.QUEUE + "' }.consumers"))
        .isEqualTo(ProbeApp.CONCURRENCY);
    JsonPath workers = api().operatorView("/api/health/workers");
    assertThat(workers.getInt("find { it.name == 'probe' }.maxConcurrency"))
        .isEqualTo(ProbeApp.CONCURRENCY);
    assertThat(workers.getInt("find { it.name == 'probe' }.consumers"))
        .isEqualTo(ProbeApp.CONCURRENCY);
    assertThat(workers.getLong("find { it.name == 'probe' }.processedLastHour")).isPositive();
  }

  @Test
  default void aTransientFailureIsRetriedByTheBroker() {
    Api.Member member = api().register();
    UUID generation = api().acceptedProbe(member, new ProbeOrder("once", 0, 1, false, false));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("attempts")).isEqualTo(2);
    assertThat(done.getInt("result.attempt")).isEqualTo(2);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - PRICE);
  }

  @Test
  default void workThatNeverSucceedsIsDeadLetteredFailedAndRefundedOnce() {
    Api.Member member = api().register();
    UUID generation = api().acceptedProbe(member, new ProbeOrder("never", 0, 99, false, false));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getInt("attempts")).isEqualTo(3);
    assertThat(done.getBoolean("refunded")).isTrue();
    assertThat(done.getString("errorCode")).isEqualTo("gave-up");
    assertThat(done.getString("errorMessage"))
        .isEqualTo("Gave up after 3 attempts. The probe is busy.");
    JsonPath operators = api().adminView(generation);
    assertThat(operators.getString("endedBy")).isEqualTo("dead-letter");
    assertThat(operators.getString("errorDetail")).contains("failed attempt 3 on purpose");
    LedgerInvariants.assertRefundedOnce(member.id(), generation, PRICE);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    JsonPath workers = api().operatorView("/api/health/workers");
    assertThat(workers.getLong("find { it.name == 'dead-letter' }.processedLastHour")).isPositive();
  }

  @Test
  default void aPermanentFailureIsRefundedAtOnce() {
    Api.Member member = api().register();
    UUID generation = api().acceptedProbe(member, new ProbeOrder("refused", 0, 0, true, false));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getInt("attempts")).isEqualTo(1);
    assertThat(done.getString("errorCode")).isEqualTo("probe-refused");
    assertThat(done.getString("errorMessage")).isEqualTo("The probe refused this run.");
    assertThat(api().adminView(generation).getString("endedBy")).isEqualTo("worker");
    LedgerInvariants.assertRefundedOnce(member.id(), generation, PRICE);
  }

  @Test
  default void ownersNeverSeeExceptionTextOrSqlOnlyOperatorsDo() {
    Api.Member member = api().register();
    UUID generation =
        api().acceptedProbe(member, new ProbeOrder("broken insert", 0, 0, false, true));

    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("failed");
    assertThat(done.getString("errorCode")).isEqualTo("gave-up");
    assertThat(done.getString("errorMessage"))
        .isEqualTo("Gave up after 3 attempts. Something went wrong while doing this.");
    String asOwnerSeesIt = api().as(member).get("/api/generations/" + generation).asString();
    assertThat(asOwnerSeesIt)
        .doesNotContainIgnoringCase("insert")
        .doesNotContain("probe_runs")
        .doesNotContain("Exception")
        .doesNotContain("errorDetail");
    assertThat(api().adminView(generation).getString("errorDetail"))
        .contains("INSERT INTO probe_runs");
    api().as(member).get("/api/admin/generations/" + generation).then().statusCode(403);
    LedgerInvariants.assertRefundedOnce(member.id(), generation, PRICE);
  }
}
