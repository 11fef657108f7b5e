package com.lumiku.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names {@link MonitoredMetrics#namesIn} finds are the metrics, and only they. */
class PromQlNamesTest {

  @Test
  void metricsAreFoundAndFunctionsLabelsAndRangesAreNot() {
    assertThat(
            MonitoredMetrics.namesIn(
                "sum by (queue, worker) (increase(generations_jobs_failed_total"
                    + "{ended_by=\"sweeper\", queue=~\"$queue\"}[15m])) > 0"))
        .containsExactly("generations_jobs_failed_total");
    assertThat(MonitoredMetrics.namesIn("memory_usedHeap_bytes / memory_maxHeap_bytes > 0.8"))
        .containsExactly("memory_maxHeap_bytes", "memory_usedHeap_bytes");
    assertThat(MonitoredMetrics.namesIn("up{job=\"lumiku\"} == 0 and on (instance) broker_up"))
        .containsExactly("broker_up", "up");
  }

  @Test
  void grafanasVariablesAreNotMetrics() {
    assertThat(
            MonitoredMetrics.namesIn(
                "sum by (queue) (rate(generations_jobs_completed_total{queue=~\"$queue\"}"
                    + "[$__rate_interval])) / ${datasource}"))
        .containsExactly("generations_jobs_completed_total");
  }
}
