package com.lumiku.platform.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A reading of something outside this JVM (a query, questions to the broker) that several gauges
 * share: Prometheus asks for every gauge of a scrape one after the other, every 15 s or so per
 * instance, and each gauge must not ask the database or the broker again. The reading is taken at
 * most once per {@code maxAge}, by the first caller that finds it stale (the others wait for it and
 * share it); a failed reading counts as a reading too, kept for the same time, so that the gauges
 * of one scrape do not each wait for an unreachable broker in turn. A failure is logged when
 * readings start failing and when they work again, not at every scrape.
 *
 * @param <T> what is read
 */
public final class CachedReading<T> {

  private static final Logger LOG = Logger.getLogger(CachedReading.class.getName());

  private final String name;
  private final Supplier<T> source;
  private final long maxAgeNanos;
  private final LongSupplier nanoClock;

  private boolean taken;
  private long takenAt;
  private T value;
  private boolean failing;

  /**
   * @param name what is read, for the log
   * @param source takes a reading; throws if it cannot
   * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} but in tests
   */
  public CachedReading(String name, Supplier<T> source, Duration maxAge, LongSupplier nanoClock) {
    this.name = name;
    this.source = source;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * The latest reading, taken now if the last one is older than the maximum age; empty if it
   * failed.
   */
  public synchronized Optional<T> get() {
    long now = nanoClock.getAsLong();
    if (!taken || now - takenAt >= maxAgeNanos) {
      take();
      takenAt = nanoClock.getAsLong();
      taken = true;
    }
    return Optional.ofNullable(value);
  }

  private void take() {
    try {
      value = source.get();
      if (failing) {
        failing = false;
        LOG.log(Level.INFO, "Metrics: {0} can be read again", name);
      }
    } catch (RuntimeException e) {
      value = null;
      if (!failing) {
        failing = true;
        LOG.log(
            Level.WARNING,
            "Metrics: {0} cannot be read; its gauges say NaN until it can: {1}",
            new Object[] {name, String.valueOf(e.getMessage())});
      }
    }
  }
}
