package com.lumiku.generations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application metrics of the work ({@code /metrics?scope=application}): generations processed
 * (and how long that took), retried, failed and refunded.
 */
@ApplicationScoped
public class GenerationMetrics {

  @Inject MetricRegistry metrics;

  public void processed(Duration took) {
    metrics.counter("generations.processed").inc();
    metrics.timer("generations.processing.time").update(took);
  }

  public void retried() {
    metrics.counter("generations.retried").inc();
  }

  public void failed(int count) {
    metrics.counter("generations.failed").inc(count);
  }

  public void refunded() {
    metrics.counter("generations.refunded").inc();
  }
}
