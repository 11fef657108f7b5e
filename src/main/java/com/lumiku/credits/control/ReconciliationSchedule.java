package com.lumiku.credits.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link Reconciliation} on a container timer every {@code
 * lumiku.credits.reconciliation-interval} (5 minutes). Read-only, so every instance may run it.
 */
@Startup
@Singleton
public class ReconciliationSchedule {

  private static final Logger LOG = Logger.getLogger(ReconciliationSchedule.class.getName());

  @Resource TimerService timers;
  @Inject Reconciliation reconciliation;

  @Inject
  @ConfigProperty(name = "lumiku.credits.reconciliation-interval")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("credit-reconciliation", false));
    LOG.info(() -> "Credit reconciliation runs every " + interval);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    try {
      reconciliation.check();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Credit reconciliation could not run", e);
    }
  }
}
