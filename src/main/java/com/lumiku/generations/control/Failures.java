package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.GenerationError;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends jobs that cannot succeed: marks them failed (a conditional update, so only one actor wins;
 * the last job of a generation ends it) and refunds them in the same transaction. Used by the
 * worker for permanent failures and unknown job types, and by the dead-letter consumer after the
 * last attempt (the sweeper fails in bulk).
 */
@ApplicationScoped
public class Failures {

  private static final Logger LOG = Logger.getLogger(Failures.class.getName());

  @Inject StatusChanges statusChanges;
  @Inject Refunds refunds;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Fails and refunds the job unless it ended already, in the caller's transaction.
   *
   * @return true if this call failed it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean failAndRefund(UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
    return fail(generationId, jobId, by, error);
  }

  /**
   * The same, in a transaction of its own that commits whatever the caller's does: for a worker
   * whose attempt failed for good, so that what the attempt wrote can be rolled back ({@link
   * #discardAttempt}) while the failure and the refund stay.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean failAndRefundAlone(
      UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
    return fail(generationId, jobId, by, error);
  }

  /**
   * Rolls back the caller's transaction when it ends (the worker's: the attempt's own writes go,
   * and its message is delivered once more, to find the job ended and be acknowledged).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void discardAttempt() {
    transactions.setRollbackOnly();
  }

  private boolean fail(UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
    if (!statusChanges.failJob(generationId, jobId, by, error)) {
      return false;
    }
    refunds.refundJob(generationId, jobId);
    LOG.log(
        Level.WARNING,
        "Job {0} of generation {1} failed ({2}, ended by {3}): {4}",
        new Object[] {jobId, generationId, error.code(), by.code(), error.detail()});
    return true;
  }
}
