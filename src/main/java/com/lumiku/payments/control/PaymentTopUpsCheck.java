package com.lumiku.payments.control;

import com.lumiku.credits.control.LedgerCheck;
import com.lumiku.credits.control.Reconciliation.Mismatch;
import com.lumiku.credits.entity.TransactionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The credit payments' part of the credit reconciliation: every paid (or since refunded) credits
 * payment has exactly one top-up, of its credits and bonus, and every top-up that names a payment
 * names such a one; every refunded one that took credits back has exactly one clawback (a negative
 * {@code adjust}) of what it records as recovered, and every clawback names such a one. Each entry
 * is in the ledger of the payment's user. (The database already allows one top-up and one clawback
 * per payment; this finds a payment without one, an entry of the wrong amount or user, or one whose
 * payment does not call for it.) Plan payments have no credits: {@link PlanGrantsCheck} checks
 * them.
 */
@ApplicationScoped
public class PaymentTopUpsCheck implements LedgerCheck {

  private static final String PAYMENT_ENTRIES =
      "SELECT id, user_id, reference_id, %s || ' credits' AS value FROM credit_transactions"
          + " WHERE type = '%s' AND reference_type = '"
          + Settlements.REFERENCE_TYPE
          + "'";

  private static final PaymentPairs TOP_UPS =
      new PaymentPairs(
          "SELECT id, user_id, merchant_order_id, (credits + bonus_credits) || ' credits' AS value"
              + " FROM payments WHERE kind = 'credits' AND status IN ('paid', 'refunded')",
          PAYMENT_ENTRIES.formatted("amount", TransactionType.TOPUP.code()),
          "paid-payment-without-topup",
          "top-up",
          "topup-without-paid-payment",
          "topup-amount",
          "topup-user");

  private static final PaymentPairs CLAWBACKS =
      new PaymentPairs(
          "SELECT id, user_id, merchant_order_id, credits_recovered || ' credits' AS value"
              + " FROM payments WHERE kind = 'credits' AND status = 'refunded'"
              + " AND credits_recovered > 0",
          PAYMENT_ENTRIES.formatted("-amount", TransactionType.ADJUST.code()),
          "refunded-payment-without-clawback",
          "clawback",
          "clawback-without-refunded-payment",
          "clawback-amount",
          "clawback-user");

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Mismatch> mismatches() {
    return PaymentPairs.mismatches(em, TOP_UPS, CLAWBACKS);
  }
}
