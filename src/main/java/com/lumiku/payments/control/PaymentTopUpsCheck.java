package com.lumiku.payments.control;

import com.lumiku.credits.control.LedgerCheck;
import com.lumiku.credits.control.Reconciliation.Mismatch;
import com.lumiku.credits.entity.TransactionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The payments' part of the credit reconciliation: every paid payment has exactly one top-up, of
 * its credits and bonus, and every top-up that names a payment names a paid one. (The database
 * already allows one top-up per payment; this finds a paid payment without one, a top-up of the
 * wrong amount, or one whose payment is not paid.)
 */
@ApplicationScoped
public class PaymentTopUpsCheck implements LedgerCheck {

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Mismatch> mismatches() {
    List<Mismatch> mismatches = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT coalesce(p.user_id, t.user_id), p.id, t.id, p.status,"
                    + " p.credits + p.bonus_credits, t.amount, p.merchant_order_id"
                    + " FROM (SELECT * FROM payments WHERE status = 'paid') p"
                    + " FULL JOIN (SELECT * FROM credit_transactions"
                    + " WHERE type = ?1 AND reference_type = ?2) t ON t.reference_id = p.id"
                    + " WHERE p.id IS NULL OR t.id IS NULL OR t.amount <> p.credits + p.bonus_credits"
                    + " ORDER BY 1")
            .setParameter(1, TransactionType.TOPUP.code())
            .setParameter(2, Settlements.REFERENCE_TYPE)
            .getResultList();
    for (Object[] row : rows) {
      UUID userId = (UUID) row[0];
      if (row[1] == null) {
        mismatches.add(
            new Mismatch(
                "topup-without-paid-payment",
                userId,
                null,
                null,
                null,
                "Ledger entry " + row[2] + " tops up for a payment that is not paid."));
      } else if (row[2] == null) {
        mismatches.add(
            new Mismatch(
                "paid-payment-without-topup",
                userId,
                null,
                null,
                null,
                "Payment " + row[6] + " is paid but its credits were never added."));
      } else {
        mismatches.add(
            new Mismatch(
                "topup-amount",
                userId,
                null,
                null,
                null,
                "Payment "
                    + row[6]
                    + " is worth "
                    + row[4]
                    + " credits but "
                    + row[5]
                    + " were added."));
      }
    }
    return mismatches;
  }
}
