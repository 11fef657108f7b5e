package com.lumiku.platform.metrics;

import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * How many XA branches of this instance a resource (the database, the broker) holds prepared, and
 * for how long the oldest has been. A live transaction keeps a branch prepared for milliseconds;
 * one prepared for minutes is in doubt: its transaction manager lost it (a connection that died
 * between the phases, a crash), and it holds what it touched (a user's balance row, a consumed
 * message) until recovery or a rollback ends it. Exported as the gauges {@code
 * transactions_prepared} and {@code transactions_prepared_oldest_seconds} with a {@code resource}
 * tag, registered here once for both resources because a metric's metadata must be the same
 * wherever it is registered.
 *
 * @param count this instance's branches prepared now
 * @param oldestSeconds how long the oldest of them has been prepared, 0 if none is
 */
public record PreparedBranches(long count, long oldestSeconds) {

  public static final String COUNT = "transactions.prepared";
  public static final String OLDEST_SECONDS = "transactions.prepared.oldest.seconds";

  public static final PreparedBranches NONE = new PreparedBranches(0, 0);

  /**
   * Registers the two gauges of a resource; they say NaN while {@code latest} is empty (the
   * resource cannot be asked).
   */
  public static void register(
      MetricRegistry metrics, String resource, Supplier<Optional<PreparedBranches>> latest) {
    Tag tag = new Tag("resource", resource);
    metrics.gauge(
        Described.metric(
            COUNT,
            "XA branches of this instance that the resource holds prepared now (tag resource:"
                + " database, broker)"),
        () -> latest.get().map(b -> (double) b.count()).orElse(Double.NaN),
        tag);
    metrics.gauge(
        Described.metric(
            OLDEST_SECONDS,
            "How long the oldest XA branch of this instance has been prepared in the resource,"
                + " in seconds; 0 if none is"),
        () -> latest.get().map(b -> (double) b.oldestSeconds()).orElse(Double.NaN),
        tag);
  }
}
