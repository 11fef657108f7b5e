package com.lumiku.generations.control;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.generations.entity.Job;
import com.lumiku.platform.UtcClock;
import com.lumiku.quotas.control.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives a failed or canceled job's share of the charge back (credits, or its units of quota),
 * exactly once, whoever asks (the worker, the dead-letter consumer, the sweeper, a cancel, another
 * instance): the job's {@code refunded} flag is set with a conditional update, and the database
 * allows one refund ledger entry per job as well (a single job's entry names its generation, a
 * batch job's the job). The generation counts what it got back, and is marked refunded once it
 * failed or was canceled and got everything back.
 */
@ApplicationScoped
public class Refunds {

  private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject GenerationMetrics metrics;
  @Inject Event<GenerationChanged> changed;
  @Inject GenerationLocks locks;
  @Inject Quotas quotas;

  /**
   * Refunds the job if it ended failed or canceled and was not refunded yet.
   *
   * @return true if this call refunded it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean refundJob(UUID generationId, UUID jobId) {
    locks.lock(generationId);
    OffsetDateTime now = UtcClock.now();
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        new SqlStatement(
                "UPDATE generation_jobs SET refunded = true, updated_at = ? WHERE id = ?"
                    + " AND generation_id = ? AND refunded = false AND ",
                now,
                jobId,
                generationId)
            .append(StatusSql.in(StatusSql.REFUNDABLE))
            .append(" RETURNING credit_cost, quota_units, status")
            .query(em)
            .getResultList();
    if (claimed.isEmpty()) {
      return false;
    }
    long cost = ((Number) claimed.get(0)[0]).longValue();
    int units = ((Number) claimed.get(0)[1]).intValue();
    String status = (String) claimed.get(0)[2];
    Object[] generation =
        (Object[])
            new SqlStatement(
                    "UPDATE generations SET credit_refunded = credit_refunded + ?,"
                        + " quota_refunded = quota_refunded + ?,"
                        + " refunded = (credit_refunded + ? = credit_cost"
                        + " AND quota_refunded + ? = quota_units AND ",
                    cost,
                    units,
                    cost,
                    units)
                .append(StatusSql.in(StatusSql.REFUNDABLE))
                .append("), updated_at = ? WHERE id = ? RETURNING user_id, app", now, generationId)
                .query(em)
                .getSingleResult();
    UUID userId = (UUID) generation[0];
    metrics.refunded();
    changed.fire(new GenerationChanged(generationId, userId, List.of()));
    if (units > 0) {
      quotas.giveBack(
          userId,
          (String) generation[1],
          units,
          GenerationRequests.QUOTA_REFERENCE,
          generationId,
          Job.LEDGER_REFERENCE,
          jobId);
    }
    if (cost > 0) {
      String referenceType = Job.ledgerReferenceType(jobId, generationId);
      long balance =
          ledger
              .credit(
                  userId,
                  cost,
                  TransactionType.REFUND,
                  new CreditTransaction.Reference(referenceType, jobId),
                  "Refund: generation " + status)
              .balanceAfter();
      LOG.log(
          Level.INFO,
          "Refunded {0} credits to user {1} for {2} job {3} of generation {4}; balance {5}",
          new Object[] {cost, userId, status, jobId, generationId, balance});
    }
    return true;
  }
}
