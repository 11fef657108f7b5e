package com.lumiku.quotas.control;

import com.lumiku.credits.control.LedgerCheck;
import com.lumiku.credits.control.Reconciliation.Mismatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The quotas' part of the reconciliation: what a tier counts as used on its day is what the quota
 * ledger took that day, less what it gave back for that day.
 */
@ApplicationScoped
public class QuotaCheck implements LedgerCheck {

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Mismatch> mismatches() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT t.user_id, t.app, t.quota_day, t.used, coalesce(-sum(q.amount), 0)"
                    + " FROM quota_tiers t LEFT JOIN quota_transactions q ON q.user_id = t.user_id"
                    + " AND q.app = t.app AND q.quota_day = t.quota_day"
                    + " GROUP BY t.user_id, t.app, t.quota_day, t.used"
                    + " HAVING t.used <> coalesce(-sum(q.amount), 0) ORDER BY t.user_id")
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Mismatch(
                    "quota",
                    (UUID) row[0],
                    null,
                    ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue(),
                    "The "
                        + row[1]
                        + " quota counts "
                        + row[3]
                        + " used on "
                        + row[2]
                        + " but its ledger "
                        + row[4]
                        + "."))
        .toList();
  }
}
