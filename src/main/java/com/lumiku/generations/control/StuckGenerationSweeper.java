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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fails and refunds jobs that stayed pending or processing, without any change, for longer than
 * {@code lumiku.generations.deadline} (their generations end with them): whatever lost them (a
 * worker that never ran, a message that never came), the user gets the truth and the credits back.
 * A container timer runs it every {@code lumiku.generations.sweep-interval}. The update is
 * conditional and skips rows other transactions hold, so every instance may sweep at once; a worker
 * that still finishes such a job later finds it failed and discards its result.
 */
@Startup
@Singleton
public class StuckGenerationSweeper {

  private static final Logger LOG = Logger.getLogger(StuckGenerationSweeper.class.getName());
  private static final int BATCH = 200;

  @Resource TimerService timers;
  @Inject StatusChanges statusChanges;
  @Inject Refunds refunds;

  @Inject
  @ConfigProperty(name = "lumiku.generations.deadline")
  Duration deadline;

  @Inject
  @ConfigProperty(name = "lumiku.generations.sweep-interval")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(),
        interval.toMillis(),
        new TimerConfig("stuck-generation-sweeper", false));
    LOG.log(
        Level.INFO,
        "Generations stuck for {0} are failed and refunded, checked every {1}",
        new Object[] {deadline, interval});
  }

  /** One sweep, in one transaction: the failures and their refunds commit together. */
  @Timeout
  void sweep() {
    List<StatusChanges.FailedJob> failed = statusChanges.failStale(deadline, BATCH);
    for (StatusChanges.FailedJob job : failed) {
      refunds.refundJob(job.generationId(), job.jobId());
    }
    if (!failed.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Failed and refunded {0} stuck jobs: {1}",
          new Object[] {failed.size(), failed});
    }
  }
}
