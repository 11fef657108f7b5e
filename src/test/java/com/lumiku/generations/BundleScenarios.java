package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.probe.ProbeApp;
import com.lumiku.probe.ProbeBatch;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Race;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.GenerationRow;
import com.lumiku.testing.TestDatabase.LedgerRow;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Bundles: the jobs of a quick type that one transaction queues travel as few messages (up to
 * {@code lumiku.work.bundle.size}, 16, jobs each) and are done by one worker in one transaction.
 * Whatever one job of a bundle does, the others end as they would alone: a failed try splits the
 * bundle into one message per job, each job is charged once and a job that fails for good is
 * refunded once. Staged with the probe app's quick type.
 */
public interface BundleScenarios extends Scenarios {

  int PRICE_OF_A_RUN = 5;

  @Test
  default void theJobsOfABatchTravelInBundlesAndAllComplete() {
    Api.Member member = api().register();
    long sent = TestBroker.messagesAdded(ProbeApp.QUEUE);
    List<ProbeOrder> parts =
        IntStream.range(0, 18).mapToObj(i -> ProbeOrder.succeed("part " + i)).toList();

    UUID generation = accepted(member, new ProbeBatch("eighteen quick parts", parts, true));
    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("jobsCompleted")).isEqualTo(18);
    // 16 jobs in one message, 2 in another.
    assertThat(TestBroker.messagesAdded(ProbeApp.QUEUE) - sent).isEqualTo(2);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM probe_runs WHERE generation_id = ? AND attempt = 1",
                generation))
        .isEqualTo(18);
    // Each job claimed and completed in one step: one attempt, started, ended by its worker.
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM generation_jobs WHERE generation_id = ? AND status ="
                    + " 'completed' AND attempts = 1 AND started_at <= completed_at AND ended_by ="
                    + " 'worker' AND result IS NOT NULL",
                generation))
        .isEqualTo(18);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM generations WHERE id = ? AND attempts = 1 AND progress = 100"
                    + " AND started_at <= completed_at AND jobs_completed = 18",
                generation))
        .isEqualTo(1);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 18 * PRICE_OF_A_RUN);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
  }

  @Test
  default void aJobThatFailsOnceSplitsItsBundleAndNoJobIsLost() {
    Api.Member member = api().register();
    long sent = TestBroker.messagesAdded(ProbeApp.QUEUE);

    UUID generation =
        accepted(
            member,
            new ProbeBatch(
                "one busy part",
                List.of(
                    ProbeOrder.succeed("a"),
                    new ProbeOrder("busy", 0, 1, false, false),
                    ProbeOrder.succeed("c"),
                    ProbeOrder.succeed("d")),
                true));
    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("jobsCompleted")).isEqualTo(4);
    assertThat(done.getLong("creditRefunded")).isZero();
    // The bundle, then each of its four jobs alone after the failed try.
    assertThat(TestBroker.messagesAdded(ProbeApp.QUEUE) - sent).isEqualTo(5);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM probe_runs WHERE generation_id = ?", generation))
        .isEqualTo(4);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 4 * PRICE_OF_A_RUN);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
  }

  @Test
  default void aJobThatFailsForGoodInABundleIsRefundedAloneAndTheOthersComplete() {
    Api.Member member = api().register();

    UUID generation =
        accepted(
            member,
            new ProbeBatch(
                "one refused part",
                List.of(
                    ProbeOrder.succeed("a"),
                    new ProbeOrder("refused", 0, 0, true, false),
                    ProbeOrder.succeed("c")),
                true));
    JsonPath done = api().awaitTerminal(member, generation, Duration.ofSeconds(30));

    assertThat(done.getString("status")).isEqualTo("partial");
    assertThat(done.getInt("jobsCompleted")).isEqualTo(2);
    assertThat(done.getInt("jobsFailed")).isEqualTo(1);
    assertThat(done.getLong("creditRefunded")).isEqualTo(PRICE_OF_A_RUN);
    assertThat(TestDatabase.ledger(member.id()))
        .filteredOn(entry -> entry.type().equals("refund"))
        .extracting(LedgerRow::amount)
        .containsExactly((long) PRICE_OF_A_RUN);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM probe_runs WHERE generation_id = ?", generation))
        .isEqualTo(2);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 2 * PRICE_OF_A_RUN);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
  }

  @Test
  default void ordersCommittedTogetherShareBundles() throws Exception {
    int orders = 60;
    Api.Member member = api().register();
    api().grant(member, orders * PRICE_OF_A_RUN - 100L);
    long sent = TestBroker.messagesAdded(ProbeApp.QUEUE);

    Race race =
        Race.run(
            api(),
            member,
            Api.QUICK_PROBE_RUNS,
            i -> ProbeOrder.succeed("racer " + i).toJson(),
            orders,
            20);

    assertThat(race.statuses()).containsExactly(java.util.Map.entry(202, orders));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                TestDatabase.generations(member.id()).stream()
                    .allMatch(g -> g.status().equals("completed")));
    assertThat(TestDatabase.generations(member.id()))
        .hasSize(orders)
        .extracting(GenerationRow::attempts)
        .containsOnly(1);
    // Twenty clients at once: the group commit put several orders in one transaction, whose jobs
    // then went out together.
    assertThat(TestBroker.messagesAdded(ProbeApp.QUEUE) - sent).isLessThan(orders);
    assertThat(TestDatabase.balance(member.id())).isZero();
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(10));
  }

  private UUID accepted(Api.Member member, ProbeBatch batch) {
    return api().acceptedProbeBatch(member, batch);
  }
}
