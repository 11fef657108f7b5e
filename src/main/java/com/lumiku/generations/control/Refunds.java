package com.lumiku.generations.control;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.generations.entity.Generation;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the credits of a failed or canceled generation back, exactly once, whoever asks (the
 * worker, the dead-letter consumer, the sweeper, a cancel, another instance): the generation's
 * {@code refunded} flag is set with a conditional update, and the refund ledger entry is unique per
 * generation in the database as well.
 */
@ApplicationScoped
public class Refunds {

  private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject GenerationMetrics metrics;
  @Inject Event<GenerationChanged> changed;

  /**
   * Refunds the generation if it ended failed or canceled and was not refunded yet.
   *
   * @return true if this call refunded it
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean refund(UUID generationId) {
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        em.createNativeQuery(
                "UPDATE generations SET refunded = true, updated_at = ?2 WHERE id = ?1"
                    + " AND refunded = false AND "
                    + StatusSql.in(StatusSql.REFUNDABLE)
                    + " RETURNING user_id, credit_cost, status")
            .setParameter(1, generationId)
            .setParameter(2, UtcClock.now())
            .getResultList();
    if (claimed.isEmpty()) {
      return false;
    }
    metrics.refunded();
    changed.fire(new GenerationChanged(generationId));
    UUID userId = (UUID) claimed.get(0)[0];
    long cost = ((Number) claimed.get(0)[1]).longValue();
    String status = (String) claimed.get(0)[2];
    if (cost > 0) {
      long balance =
          ledger
              .credit(
                  userId,
                  cost,
                  TransactionType.REFUND,
                  new CreditTransaction.Reference(Generation.LEDGER_REFERENCE, generationId),
                  "Refund: generation " + status)
              .balanceAfter();
      LOG.log(
          Level.INFO,
          "Refunded {0} credits to user {1} for {2} generation {3}; balance {4}",
          new Object[] {cost, userId, status, generationId, balance});
    }
    return true;
  }
}
