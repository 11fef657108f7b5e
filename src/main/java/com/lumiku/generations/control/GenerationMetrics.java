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

  /** The name of the processing-time histogram (milliseconds). */
  public static final String PROCESSING_MILLISECONDS = "generations.processing.milliseconds";

  @Inject MetricRegistry metrics;

  /**
   * Counts a processed generation and records how long it took as a histogram in milliseconds,
   * named for its unit ({@code generations_processing_milliseconds} in Prometheus). Not a timer:
   * Payara's Prometheus output of a timer ({@code generations_processing_time_seconds}) gave
   * nanoseconds as if they were seconds.
   */
  public void processed(Duration took) {
    metrics.counter("generations.processed").inc();
    metrics.histogram(PROCESSING_MILLISECONDS).update(took.toMillis());
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
