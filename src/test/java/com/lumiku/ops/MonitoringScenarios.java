package com.lumiku.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.probe.ProbeApp;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.ScrapedMetrics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes from a running application: every metric the alert rules and the
 * dashboard read ({@link MonitoredMetrics}), under the names they use, for every app's queue (the
 * test-only probe app's too, which no line of the engine names), with figures that were read (not
 * NaN); and jobs counted per queue once they end.
 */
public interface MonitoringScenarios extends Scenarios {

  @Test
  default void everyMetricTheAlertsAndTheDashboardReadIsScraped() {
    ScrapedMetrics application = ScrapedMetrics.scrape(api(), "application");
    ScrapedMetrics base = ScrapedMetrics.scrape(api(), "base");
    for (String name : MonitoredMetrics.APPLICATION) {
      assertThat(application.samples(name)).as(name).isNotEmpty();
    }
    for (String name : MonitoredMetrics.BASE) {
      assertThat(base.samples(name)).as(name).isNotEmpty();
    }

    List<String> queues = api().operatorView("/api/health/queues").getList("name", String.class);
    assertThat(queues).contains(ProbeApp.QUEUE, "generations.avatar", "generations.dead-letter");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              ScrapedMetrics now = ScrapedMetrics.scrape(api(), "application");
              assertThat(now.value("broker_up", "")).isEqualTo(1);
              for (String queue : queues) {
                String tag = "queue=\"" + queue + "\"";
                assertThat(now.value("generations_queue_consumers", tag)).as(queue).isPositive();
                assertThat(now.value("generations_queue_instance_consumers", tag))
                    .as(queue)
                    .isPositive();
                assertThat(now.value("generations_queue_messages", tag)).as(queue).isNotNaN();
              }
              for (String resource : List.of("database", "broker")) {
                assertThat(now.value("transactions_prepared", "resource=\"" + resource + "\""))
                    .as(resource)
                    .isNotNaN();
              }
            });
    // The database's figures of a work queue were read: numbers, not NaN.
    for (String name :
        List.of(
            "generations_queue_waiting",
            "generations_queue_processing",
            "generations_queue_oldest_waiting_seconds",
            "generations_queue_oldest_unchanged_seconds")) {
      assertThat(application.value(name, "queue=\"" + ProbeApp.QUEUE + "\""))
          .as(name)
          .isNotNaN()
          .isGreaterThanOrEqualTo(0);
    }
    assertThat(base.value("memory_maxHeap_bytes", "")).isPositive();
  }

  @Test
  default void jobsAreCountedOnTheirQueueOnceTheyEnd() {
    String probe = "queue=\"" + ProbeApp.QUEUE + "\"";
    ScrapedMetrics before = ScrapedMetrics.scrape(api(), "application");
    Api.Member member = api().register();
    UUID done = api().acceptedProbe(member, ProbeOrder.succeed("counted"));
    UUID refused =
        api().acceptedProbe(member, new ProbeOrder("counted refusal", 0, 0, true, false));
    UUID retried = api().acceptedProbe(member, new ProbeOrder("counted retry", 0, 1, false, false));
    for (UUID generation : List.of(done, refused, retried)) {
      api().awaitTerminal(member, generation, Duration.ofSeconds(60));
    }

    ScrapedMetrics after = ScrapedMetrics.scrape(api(), "application");
    assertThat(after.value("generations_jobs_completed_total", probe))
        .isGreaterThanOrEqualTo(before.value("generations_jobs_completed_total", probe) + 2);
    String byWorker = probe + ".*ended_by=\"worker\"|ended_by=\"worker\".*" + probe;
    assertThat(after.value("generations_jobs_failed_total", byWorker))
        .isGreaterThanOrEqualTo(before.value("generations_jobs_failed_total", byWorker) + 1);
    assertThat(after.value("generations_jobs_retried_total", probe))
        .isGreaterThanOrEqualTo(before.value("generations_jobs_retried_total", probe) + 1);
    assertThat(after.value("generations_processing_milliseconds_count", probe))
        .isGreaterThanOrEqualTo(
            before.value("generations_processing_milliseconds_count", probe) + 2);
  }
}
