package com.lumiku.payments.control;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.payments.entity.Payment;
import com.lumiku.platform.UtcClock;
import com.lumiku.quotas.control.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How payments end, whoever ends them (a callback, its duplicates and replays, the status check):
 * each end is one conditional {@code UPDATE} of the payment from the statuses it may leave, and a
 * payment that became {@code paid} gets what it bought in the same transaction (a credits payment
 * its {@code topup}, a plan payment the extension of its quota tier), so concurrent settlers queue
 * on the row and exactly one wins; the database also allows one top-up and one extension per
 * payment.
 *
 * <p>A success ends a {@code pending} payment and also an {@code expired} one: the buyer paid (the
 * gateway took the money after we gave up waiting, or the status check expired it while the
 * callback was on its way), so the credits are owed. A failure and an expiry end only pending ones.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Settlements {

  private static final Logger LOG = Logger.getLogger(Settlements.class.getName());

  /** How ledger entries refer to payments. */
  public static final String REFERENCE_TYPE = "payment";

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Quotas quotas;

  /**
   * Marks the payment paid and gives what it bought, once: its credits and bonus, or its plan's
   * days of the quota tier.
   *
   * @return whether this call did it (false: it had ended already, or there is no such payment)
   */
  public boolean paid(String merchantOrderId, String gatewayReference) {
    var now = UtcClock.now();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "UPDATE payments SET status = 'paid', settled_at = ?2, updated_at = ?2,"
                    + " reference = COALESCE(reference, CAST(?3 AS varchar))"
                    // Also from expired and failed: a success the gateway confirms means the buyer
                    // paid (Duitku's result code is not signed, so a "01" may be anyone's replay).
                    + " WHERE merchant_order_id = ?1 AND status IN ('pending', 'expired', 'failed')"
                    + " RETURNING id, user_id, credits + bonus_credits, package_id, kind, plan_app,"
                    + " plan_days, plan_daily_quota")
            .setParameter(1, merchantOrderId)
            .setParameter(2, now)
            .setParameter(3, gatewayReference)
            .getResultList();
    if (rows.isEmpty()) {
      return false;
    }
    Object[] row = rows.get(0);
    UUID paymentId = (UUID) row[0];
    UUID userId = (UUID) row[1];
    if (Payment.KIND_PLAN.equals(row[4])) {
      var extended =
          quotas
              .extend(
                  userId,
                  (String) row[5],
                  ((Number) row[6]).intValue(),
                  ((Number) row[7]).intValue(),
                  REFERENCE_TYPE,
                  paymentId)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Payment " + merchantOrderId + " had extended its tier already"));
      LOG.log(
          Level.INFO,
          "Payment {0} paid: user {1} got plan {2}; the {3} tier runs until {4}, {5} a day",
          new Object[] {
            merchantOrderId, userId, row[3], row[5], extended.expiresAt(), extended.dailyQuota()
          });
      return true;
    }
    long credits = ((Number) row[2]).longValue();
    CreditTransaction entry =
        ledger.credit(
            userId,
            credits,
            TransactionType.TOPUP,
            new CreditTransaction.Reference(REFERENCE_TYPE, paymentId),
            "Credits bought: package " + row[3] + ", order " + merchantOrderId);
    LOG.log(
        Level.INFO,
        "Payment {0} paid: user {1} got {2} credits; balance {3}",
        new Object[] {merchantOrderId, userId, credits, entry.balanceAfter()});
    return true;
  }

  /** Marks a pending payment failed (the buyer declined or the gateway refused it). */
  public boolean failed(String merchantOrderId) {
    return end(merchantOrderId, "failed", "");
  }

  /** Marks a pending payment whose time is over expired. */
  public boolean expired(String merchantOrderId) {
    return end(merchantOrderId, "expired", " AND expires_at < ?2");
  }

  private boolean end(String merchantOrderId, String status, String condition) {
    int changed =
        em.createNativeQuery(
                "UPDATE payments SET status = '"
                    + status
                    + "', settled_at = ?2, updated_at = ?2"
                    + " WHERE merchant_order_id = ?1 AND status = 'pending'"
                    + condition)
            .setParameter(1, merchantOrderId)
            .setParameter(2, UtcClock.now())
            .executeUpdate();
    if (changed == 1) {
      LOG.log(Level.INFO, "Payment {0} {1}", new Object[] {merchantOrderId, status});
    }
    return changed == 1;
  }
}
