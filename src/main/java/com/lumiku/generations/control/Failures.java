package com.lumiku.generations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Ends generations that cannot succeed: marks them failed (a conditional update, so only one actor
 * wins) and refunds them in the same transaction. Used by the worker for permanent model failures,
 * by the dead-letter consumer after the last attempt, and by the sweeper.
 */
@ApplicationScoped
public class Failures {

  private static final Logger LOG = Logger.getLogger(Failures.class.getName());

  @Inject Generations generations;
  @Inject Refunds refunds;
  @Inject MetricRegistry metrics;

  /**
   * Fails and refunds the generation unless it ended already.
   *
   * @return true if this call failed it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean failAndRefund(UUID generationId, String reason) {
    if (!generations.fail(generationId, reason)) {
      return false;
    }
    metrics.counter("generations.failed").inc();
    refunds.refund(generationId);
    LOG.warning(() -> "Generation " + generationId + " failed: " + reason);
    return true;
  }
}
