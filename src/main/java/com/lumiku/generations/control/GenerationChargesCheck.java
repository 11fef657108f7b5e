package com.lumiku.generations.control;

import com.lumiku.credits.control.LedgerCheck;
import com.lumiku.credits.control.Reconciliation.Mismatch;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.generations.entity.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The generations' part of the credit reconciliation, for every app at once: every {@code deduct}
 * of a generation belongs to one that exists and is live, completed, or refunded; a generation is
 * marked refunded exactly when a {@code refund} entry exists for it (a free one, which cost
 * nothing, has neither entry), and only a failed or canceled one may have either.
 */
@ApplicationScoped
public class GenerationChargesCheck implements LedgerCheck {

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Mismatch> mismatches() {
    List<Mismatch> mismatches = new ArrayList<>();
    for (Object[] row :
        rows(
            "SELECT t.user_id, t.reference_id, g.id, g.status FROM credit_transactions t"
                + " LEFT JOIN generations g ON g.id = t.reference_id"
                + " WHERE t.type = ?1 AND t.reference_type = ?2"
                + " AND (g.id IS NULL OR ("
                + StatusSql.in("g.status", StatusSql.REFUNDABLE)
                + " AND NOT g.refunded))"
                + " ORDER BY t.created_at",
            TransactionType.DEDUCT.code())) {
      mismatches.add(
          row[2] == null
              ? new Mismatch(
                  "deduct-without-generation",
                  (UUID) row[0],
                  (UUID) row[1],
                  null,
                  null,
                  "Credits were deducted for a generation that does not exist.")
              : new Mismatch(
                  "not-refunded",
                  (UUID) row[0],
                  (UUID) row[1],
                  null,
                  null,
                  "The generation is " + row[3] + " but its credits were not refunded."));
    }
    for (Object[] row :
        rows(
            "SELECT g.user_id, g.id, g.status, g.refunded, r.id FROM generations g"
                + " FULL JOIN (SELECT id, reference_id FROM credit_transactions"
                + " WHERE type = ?1 AND reference_type = ?2) r"
                + " ON r.reference_id = g.id"
                + " WHERE (g.refunded AND r.id IS NULL AND g.credit_cost > 0)"
                + " OR (r.id IS NOT NULL AND (g.id IS NULL OR NOT g.refunded OR NOT "
                + StatusSql.in("g.status", StatusSql.REFUNDABLE)
                + "))",
            TransactionType.REFUND.code())) {
      mismatches.add(
          new Mismatch(
              "refund",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              row[4] == null
                  ? "The generation is marked refunded but has no refund entry."
                  : "A refund entry exists for a generation that is "
                      + row[2]
                      + (Boolean.TRUE.equals(row[3]) ? "" : " and not marked refunded")
                      + "."));
    }
    return mismatches;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String entryType) {
    return em.createNativeQuery(sql)
        .setParameter(1, entryType)
        .setParameter(2, Generation.LEDGER_REFERENCE)
        .getResultList();
  }
}
