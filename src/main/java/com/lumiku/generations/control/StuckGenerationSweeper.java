package com.lumiku.generations.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fails and refunds generations that stayed pending or processing, without any change, for longer
 * than {@code lumiku.generations.deadline} (10 minutes): whatever lost them (a worker that never
 * ran, a message that never came), the user gets the truth and the credits back. A container timer
 * runs it every {@code lumiku.generations.sweep-interval}. The update is conditional and skips rows
 * other transactions hold, so every instance may sweep at once; a worker that still finishes such a
 * generation later finds it failed and discards its result.
 */
@Startup
@Singleton
public class StuckGenerationSweeper {

  private static final Logger LOG = Logger.getLogger(StuckGenerationSweeper.class.getName());
  private static final int BATCH = 200;

  @Resource TimerService timers;
  @Inject Generations generations;
  @Inject Refunds refunds;
  @Inject org.eclipse.microprofile.metrics.MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "lumiku.generations.deadline", defaultValue = "PT10M")
  Duration deadline;

  @Inject
  @ConfigProperty(name = "lumiku.generations.sweep-interval", defaultValue = "PT1M")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(),
        interval.toMillis(),
        new TimerConfig("stuck-generation-sweeper", false));
    LOG.info(
        () ->
            "Generations stuck for "
                + deadline
                + " are failed and refunded, checked every "
                + interval);
  }

  private static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " minutes" : seconds + " seconds";
  }

  /** One sweep, in one transaction: the failures and their refunds commit together. */
  @Timeout
  void sweep() {
    List<UUID> failed =
        generations.failStale(
            deadline,
            "No result within " + describe(deadline) + "; your credits were refunded.",
            BATCH);
    for (UUID generation : failed) {
      refunds.refund(generation);
    }
    if (!failed.isEmpty()) {
      metrics.counter("generations.failed").inc(failed.size());
      LOG.warning(() -> "Failed and refunded " + failed.size() + " stuck generations: " + failed);
    }
  }
}
