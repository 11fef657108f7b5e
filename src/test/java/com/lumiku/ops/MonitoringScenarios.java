package com.lumiku.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.probe.ProbeApp;
import com.lumiku.probe.ProbeOrder;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
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
    String application = scrape("application");
    String base = scrape("base");
    for (String name : MonitoredMetrics.APPLICATION) {
      assertThat(samples(application, name)).as(name).isNotEmpty();
    }
    for (String name : MonitoredMetrics.BASE) {
      assertThat(samples(base, name)).as(name).isNotEmpty();
    }

    List<String> queues = api().operatorView("/api/health/queues").getList("name", String.class);
    assertThat(queues).contains(ProbeApp.QUEUE, "generations.avatar", "generations.dead-letter");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String now = scrape("application");
              assertThat(value(now, "broker_up", "")).isEqualTo(1);
              for (String queue : queues) {
                String tag = "queue=\"" + queue + "\"";
                assertThat(value(now, "generations_queue_consumers", tag)).as(queue).isPositive();
                assertThat(value(now, "generations_queue_instance_consumers", tag))
                    .as(queue)
                    .isPositive();
                assertThat(value(now, "generations_queue_messages", tag)).as(queue).isNotNaN();
              }
              for (String resource : List.of("database", "broker")) {
                assertThat(value(now, "transactions_prepared", "resource=\"" + resource + "\""))
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
      assertThat(value(application, name, "queue=\"" + ProbeApp.QUEUE + "\""))
          .as(name)
          .isNotNaN()
          .isGreaterThanOrEqualTo(0);
    }
    assertThat(value(base, "memory_maxHeap_bytes", "")).isPositive();
  }

  @Test
  default void jobsAreCountedOnTheirQueueOnceTheyEnd() {
    String probe = "queue=\"" + ProbeApp.QUEUE + "\"";
    String before = scrape("application");
    Api.Member member = api().register();
    UUID done = api().acceptedProbe(member, ProbeOrder.succeed("counted"));
    UUID refused =
        api().acceptedProbe(member, new ProbeOrder("counted refusal", 0, 0, true, false));
    UUID retried = api().acceptedProbe(member, new ProbeOrder("counted retry", 0, 1, false, false));
    for (UUID generation : List.of(done, refused, retried)) {
      api().awaitTerminal(member, generation, Duration.ofSeconds(60));
    }

    String after = scrape("application");
    assertThat(value(after, "generations_jobs_completed_total", probe))
        .isGreaterThanOrEqualTo(value(before, "generations_jobs_completed_total", probe) + 2);
    String byWorker = probe + ".*ended_by=\"worker\"|ended_by=\"worker\".*" + probe;
    assertThat(value(after, "generations_jobs_failed_total", byWorker))
        .isGreaterThanOrEqualTo(value(before, "generations_jobs_failed_total", byWorker) + 1);
    assertThat(value(after, "generations_jobs_retried_total", probe))
        .isGreaterThanOrEqualTo(value(before, "generations_jobs_retried_total", probe) + 1);
    assertThat(value(after, "generations_processing_milliseconds_count", probe))
        .isGreaterThanOrEqualTo(
            value(before, "generations_processing_milliseconds_count", probe) + 2);
  }

  /** One scope of {@code /metrics}, as an admin's scraper reads it. */
  private String scrape(String scope) {
    return api()
        .as(api().admin())
        .accept("text/plain")
        .get("/metrics?scope=" + scope)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  /** The sample lines of a metric (not its HELP and TYPE lines). */
  private static List<String> samples(String text, String name) {
    return text.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .toList();
  }

  /**
   * The sum of a metric's samples whose labels match the regular expression {@code labels} (found
   * anywhere in the label set; "" for all); NaN if any of them is NaN.
   */
  private static double value(String text, String name, String labels) {
    java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(labels);
    return samples(text, name).stream()
        .filter(line -> wanted.matcher(line.substring(0, line.lastIndexOf(' '))).find())
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
