package com.lumiku.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A reading shared by many gauges is taken once per maximum age, failures included. */
class CachedReadingTest {

  final AtomicLong clock = new AtomicLong(1_000);
  final AtomicInteger taken = new AtomicInteger();
  boolean fails;

  final CachedReading<Integer> reading =
      new CachedReading<>(
          "a test figure",
          () -> {
            int n = taken.incrementAndGet();
            if (fails) {
              throw new IllegalStateException("unreachable");
            }
            return n;
          },
          Duration.ofSeconds(5),
          clock::get);

  @Test
  void theGaugesOfOneScrapeShareOneReading() {
    assertThat(reading.get()).contains(1);
    clock.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(reading.get()).contains(1);
    assertThat(reading.get()).contains(1);
    assertThat(taken).hasValue(1);
  }

  @Test
  void aReadingAsOldAsTheMaximumIsTakenAgain() {
    reading.get();
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(reading.get()).contains(2);
  }

  @Test
  void aFailedReadingIsEmptyAndNotRetriedByEveryGaugeOfTheScrape() {
    fails = true;
    assertThat(reading.get()).isEmpty();
    assertThat(reading.get()).isEmpty();
    assertThat(taken).hasValue(1);

    fails = false;
    clock.addAndGet(Duration.ofSeconds(5).toNanos());
    assertThat(reading.get()).contains(2);
  }

  @Test
  void aFailureReplacesTheLastGoodReadingInsteadOfShowingItAsCurrent() {
    assertThat(reading.get()).contains(1);
    fails = true;
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    assertThat(reading.get()).isEmpty();
  }
}
