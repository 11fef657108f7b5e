package com.lumiku.payments.control;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.payments.entity.Payment;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.quotas.control.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An admin records that a paid payment's money went back to the buyer (the refund itself is made in
 * the gateway's merchant dashboard; Duitku's API, as this application uses it, has no refund call),
 * and the purchase is taken back, once: a credits payment loses what is left of its credits (a
 * negative {@code adjust} naming the payment, never below a zero balance; what the buyer had spent
 * already is recorded on the payment as unrecovered), a plan payment takes what is still unused of
 * its own extension off the tier (what the buyer had used is recorded as unrecovered time).
 *
 * <p>One transaction: the payment row is locked, so concurrent refunds queue and only the first
 * finds it {@code paid}; the status moves by a conditional {@code UPDATE ... WHERE status =
 * 'paid'}, and the database allows one clawback and one shortening per payment.
 */
@ApplicationScoped
public class PaymentRefunds {

  private static final Logger LOG = Logger.getLogger(PaymentRefunds.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Quotas quotas;

  /**
   * Marks the paid payment refunded by the admin, for the reason, and takes its purchase back.
   *
   * @return the payment as it now stands
   * @throws ProblemException 404 if there is no such payment, 409 if it is not paid (pending,
   *     failed, expired, or refunded already) or, for credits, while the buyer has generations
   *     under way
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public Payment refund(String merchantOrderId, UUID adminId, String reason) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, user_id, kind, status, credits + bonus_credits, plan_app, plan_days,"
                    + " amount FROM payments WHERE merchant_order_id = ?1 FOR UPDATE")
            .setParameter(1, merchantOrderId)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Payment " + merchantOrderId);
    }
    Object[] row = rows.get(0);
    if (!"paid".equals(row[3])) {
      throw ProblemException.conflict(
          "Only a paid payment can be refunded; payment "
              + merchantOrderId
              + " is "
              + row[3]
              + ".");
    }
    UUID paymentId = (UUID) row[0];
    UUID userId = (UUID) row[1];
    TakenBack taken =
        Payment.KIND_PLAN.equals(row[2])
            ? takeBackPlan(merchantOrderId, paymentId, userId, (String) row[5], (Number) row[6])
            : takeBackCredits(merchantOrderId, paymentId, userId, ((Number) row[4]).longValue());
    OffsetDateTime now = UtcClock.now();
    int changed =
        em.createNativeQuery(
                "UPDATE payments SET status = 'refunded', refunded_at = ?2, refunded_by = ?3,"
                    + " refund_reason = ?4, credits_recovered = CAST(?5 AS bigint),"
                    + " credits_unrecovered = CAST(?6 AS bigint),"
                    + " plan_recovered_micros = CAST(?7 AS bigint),"
                    + " plan_unrecovered_micros = CAST(?8 AS bigint), updated_at = ?2"
                    + " WHERE id = ?1 AND status = 'paid'")
            .setParameter(1, paymentId)
            .setParameter(2, now)
            .setParameter(3, adminId)
            .setParameter(4, reason)
            .setParameter(5, taken.credits() ? taken.recovered() : null)
            .setParameter(6, taken.credits() ? taken.unrecovered() : null)
            .setParameter(7, taken.credits() ? null : taken.recovered())
            .setParameter(8, taken.credits() ? null : taken.unrecovered())
            .executeUpdate();
    if (changed != 1) {
      // The row is locked by this transaction; nobody else can have moved it.
      throw new IllegalStateException("Payment " + merchantOrderId + " changed while locked");
    }
    LOG.log(
        Level.INFO,
        "Payment {0} (IDR {1}) refunded by admin {2}: {3} {4} taken back, {5} unrecovered",
        new Object[] {
          merchantOrderId,
          row[7],
          adminId,
          taken.recovered(),
          taken.credits() ? "credits" : "microseconds of the plan",
          taken.unrecovered()
        });
    return em.createQuery("SELECT p FROM Payment p WHERE p.id = :id", Payment.class)
        .setParameter("id", paymentId)
        .getSingleResult();
  }

  /**
   * What a refund took back and could not: credits, or microseconds of a plan's tier.
   *
   * @param credits whether these are credits
   */
  private record TakenBack(boolean credits, long recovered, long unrecovered) {}

  /**
   * Takes back what is left of the credits. Refused while the buyer has a generation under way: it
   * holds credits that a failure or cancel would give back after the clawback had counted them as
   * spent. The account is locked first, so no order can be charged (charges update the account row,
   * and wait) between the look at the generations and the clawback.
   */
  private TakenBack takeBackCredits(
      String merchantOrderId, UUID paymentId, UUID userId, long worth) {
    ledger.lock(userId);
    // Generations are the engine's table; the payments feature asks the shared schema in SQL (as
    // the reconciliation reads the ledger) rather than import the engine, which it otherwise does
    // not need. Pending and processing are the statuses of a generation not yet ended.
    boolean underWay =
        (Boolean)
            em.createNativeQuery(
                    "SELECT EXISTS (SELECT 1 FROM generations WHERE user_id = ?1"
                        + " AND status IN ('pending', 'processing') AND credit_cost > 0)")
                .setParameter(1, userId)
                .getSingleResult();
    if (underWay) {
      throw ProblemException.conflict(
          "The buyer has generations in progress; refund payment "
              + merchantOrderId
              + " when they have ended.");
    }
    long recovered =
        ledger.takeBack(
            userId,
            worth,
            new CreditTransaction.Reference(Settlements.REFERENCE_TYPE, paymentId),
            "Payment refunded: order " + merchantOrderId);
    return new TakenBack(true, recovered, worth - recovered);
  }

  /** Takes what is still unused of the payment's own extension off the tier. */
  private TakenBack takeBackPlan(
      String merchantOrderId, UUID paymentId, UUID userId, String app, Number days) {
    Quotas.TierChange change =
        quotas
            .shorten(userId, app, Settlements.REFERENCE_TYPE, paymentId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Plan of " + merchantOrderId + " taken back already"));
    long bought = Duration.ofDays(days.longValue()).toNanos() / 1000;
    long recovered = change.shortenedBy().toNanos() / 1000;
    return new TakenBack(false, recovered, bought - recovered);
  }
}
