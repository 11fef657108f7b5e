package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.probe.ProbeApp;
import com.lumiku.probe.ProbeBatch;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.ScrapedMetrics;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generations that neither finish nor change before their deadline are failed and refunded by the
 * sweeper (every second here), pending and processing alike; the workers that finish later find
 * them failed and discard their results, so nothing is recorded and nothing is charged twice. The
 * deadline is the production one (10 minutes): the test makes five 6 s probe runs look stuck by
 * moving their last change an hour back.
 */
public interface StuckGenerationSweeperScenarios extends Scenarios {

  @Test
  default void stuckGenerationsAreFailedAndRefundedOnce() {
    String bySweeper = "ended_by=\"sweeper\".*queue=\"" + ProbeApp.QUEUE + "\"";
    double sweptBefore =
        ScrapedMetrics.scrape(api(), "application")
            .value("generations_jobs_failed_total", bySweeper);
    Api.Member member = api().register();
    List<UUID> orders = new ArrayList<>();
    for (int i = 0; i < ProbeApp.CONCURRENCY + 1; i++) {
      orders.add(
          api().acceptedProbe(member, new ProbeOrder("too slow " + i, 6000, 0, false, false)));
    }

    // Until the sweeper has taken them: a pending one a worker starts meanwhile changes again.
    // Rows a worker or the sweeper holds are skipped and aged on the next round: waiting for them
    // while holding others deadlocks with a sweep that ends jobs of several generations.
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              TestDatabase.update(
                  "UPDATE generation_jobs SET updated_at = now() - interval '1 hour'"
                      + " WHERE id IN (SELECT j.id FROM generation_jobs j"
                      + " JOIN generations g ON g.id = j.generation_id WHERE g.user_id = ?"
                      + " AND j.status IN ('pending', 'processing') FOR UPDATE OF j SKIP LOCKED)",
                  member.id());
              return TestDatabase.generations(member.id()).stream()
                  .allMatch(g -> g.status().equals("failed"));
            });

    for (UUID order : orders) {
      JsonPath swept = api().generation(member, order);
      assertThat(swept.getBoolean("refunded")).isTrue();
      assertThat(swept.getString("errorCode")).isEqualTo("timed-out");
      assertThat(swept.getString("errorMessage")).startsWith("No result within 10 minutes");
    }
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);

    // The workers finish their 6 s runs after the sweep; their results must be thrown away.
    await()
        .pollDelay(Duration.ofSeconds(6))
        .atMost(Duration.ofSeconds(40))
        .until(() -> TestBroker.messageCount(ProbeApp.QUEUE) == 0);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM probe_runs r JOIN generations g ON g.id = r.generation_id"
                    + " WHERE g.user_id = ?",
                member.id()))
        .isZero();
    assertThat(TestDatabase.generations(member.id()))
        .allSatisfy(g -> assertThat(g.status()).isEqualTo("failed"));
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM generations WHERE user_id = ? AND ended_by = 'sweeper'",
                member.id()))
        .isEqualTo(orders.size());
    // What the alert LumikuJobsStuckRefunded reads: each job the sweeper ended, on its queue.
    assertThat(
            ScrapedMetrics.scrape(api(), "application")
                .value("generations_jobs_failed_total", bySweeper))
        .isEqualTo(sweptBefore + orders.size());
  }

  @Test
  default void aJobQueuedBehindTheRestOfItsBatchIsNotStuck() throws InterruptedException {
    Api.Member member = api().register();
    List<ProbeOrder> parts = new ArrayList<>();
    for (int i = 0; i < ProbeApp.CONCURRENCY; i++) {
      parts.add(new ProbeOrder("slow " + i, 3000, 0, false, false));
    }
    parts.add(ProbeOrder.succeed("queued"));
    UUID batch =
        UUID.fromString(
            api()
                .orderProbeBatch(member, ProbeBatch.of("long batch", parts))
                .then()
                .statusCode(202)
                .extract()
                .path("generation.id"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                TestDatabase.count(
                        "SELECT count(*) FROM generation_jobs WHERE generation_id = ?"
                            + " AND status = 'processing'",
                        batch)
                    == ProbeApp.CONCURRENCY);

    // The queued job has not changed for an hour, but its generation has: it is waiting, not stuck.
    TestDatabase.update(
        "UPDATE generation_jobs SET updated_at = now() - interval '1 hour'"
            + " WHERE generation_id = ? AND status = 'pending'",
        batch);
    Thread.sleep(2500); // the sweeper looks every second here

    JsonPath done = api().awaitTerminal(member, batch, Duration.ofSeconds(30));
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("jobsCompleted")).isEqualTo(ProbeApp.CONCURRENCY + 1);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(5));
  }
}
