package com.lumiku.generations.control;

import com.lumiku.credits.control.LedgerCheck;
import com.lumiku.credits.control.Reconciliation.Mismatch;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The generations' part of the credit reconciliation, for every app at once: every {@code deduct}
 * of a generation belongs to one that exists and costs that much (the sum of its jobs); every
 * failed or canceled job was refunded; a job is marked refunded exactly when a {@code refund} entry
 * names it (a free one, which cost nothing, has neither), and only a failed or canceled job may
 * have either, and that entry gives back exactly the job's share under the job's reference; what a
 * generation counts as given back is what its jobs got; and every generation has jobs. Generations
 * paid with quota are checked the same way against the quota ledger.
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
            "SELECT t.user_id, t.reference_id, g.id, g.credit_cost, -t.amount"
                + " FROM credit_transactions t LEFT JOIN generations g ON g.id = t.reference_id"
                + " WHERE t.type = ?1 AND t.reference_type = ?2"
                + " AND (g.id IS NULL OR g.credit_cost <> -t.amount) ORDER BY t.created_at",
            TransactionType.DEDUCT.code(),
            Generation.LEDGER_REFERENCE)) {
      mismatches.add(
          new Mismatch(
              row[2] == null ? "deduct-without-generation" : "deduct-amount",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              row[2] == null
                  ? "Credits were deducted for a generation that does not exist."
                  : "The generation costs " + row[3] + " but " + row[4] + " were deducted."));
    }
    for (Object[] row :
        rows(
            "SELECT g.user_id, g.id, j.id, j.status FROM generation_jobs j"
                + " JOIN generations g ON g.id = j.generation_id WHERE NOT j.refunded AND "
                + StatusSql.in("j.status", StatusSql.REFUNDABLE)
                + " ORDER BY j.updated_at")) {
      mismatches.add(
          new Mismatch(
              "not-refunded",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              "Job " + row[2] + " is " + row[3] + " but its credits were not refunded."));
    }
    for (Object[] row :
        rows(
            "SELECT g.user_id, coalesce(j.generation_id, r.reference_id), j.id, j.status,"
                + " j.refunded, r.id, r.amount, j.credit_cost FROM generation_jobs j"
                + " LEFT JOIN generations g ON g.id = j.generation_id"
                + " FULL JOIN (SELECT id, reference_id, reference_type, amount"
                + " FROM credit_transactions WHERE type = ?1 AND reference_type IN (?2, ?3)) r"
                + " ON r.reference_id = j.id"
                + " WHERE (j.refunded AND j.credit_cost > 0 AND r.id IS NULL)"
                + " OR (r.id IS NOT NULL AND (j.id IS NULL OR NOT j.refunded OR NOT "
                + StatusSql.in("j.status", StatusSql.REFUNDABLE)
                + " OR r.amount <> j.credit_cost"
                // a single job's refund names its generation, a batch job's the job (see Job)
                + " OR r.reference_type <> CASE WHEN j.id = j.generation_id THEN ?2 ELSE ?3 END))",
            TransactionType.REFUND.code(),
            Generation.LEDGER_REFERENCE,
            Job.LEDGER_REFERENCE)) {
      mismatches.add(
          new Mismatch(
              "refund",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              row[5] == null
                  ? "Job " + row[2] + " is marked refunded but has no refund entry."
                  : row[2] == null
                      ? "A refund entry names a job that does not exist."
                      : "A refund entry of "
                          + row[6]
                          + " exists for job "
                          + row[2]
                          + " of cost "
                          + row[7]
                          + ", which is "
                          + row[3]
                          + (Boolean.TRUE.equals(row[4]) ? "" : " and not marked refunded")
                          + "."));
    }
    for (Object[] row :
        rows(
            "SELECT g.user_id, g.id, g.credit_refunded, s.refunded, g.credit_cost, s.cost"
                + " FROM generations g JOIN (SELECT generation_id,"
                + " coalesce(sum(credit_cost) FILTER (WHERE refunded), 0) AS refunded,"
                + " sum(credit_cost) AS cost FROM generation_jobs GROUP BY generation_id) s"
                + " ON s.generation_id = g.id"
                + " WHERE g.credit_refunded <> s.refunded OR g.credit_cost <> s.cost")) {
      mismatches.add(
          new Mismatch(
              "generation",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              "The generation counts "
                  + row[2]
                  + " credits refunded of "
                  + row[4]
                  + "; its jobs were refunded "
                  + row[3]
                  + " of "
                  + row[5]
                  + "."));
    }
    for (Object[] row :
        rows(
            "SELECT g.user_id, g.id FROM generations g WHERE NOT EXISTS"
                + " (SELECT 1 FROM generation_jobs j WHERE j.generation_id = g.id)")) {
      mismatches.add(
          new Mismatch(
              "generation-without-jobs",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              "The generation has no jobs: no worker will ever do it."));
    }
    quotaMismatches(mismatches);
    return mismatches;
  }

  /**
   * The same for generations paid with quota: each consumed exactly its units under its own id;
   * each failed or canceled job of one got its units back once; what a generation counts as given
   * back and as its units is what its jobs got and have.
   */
  private void quotaMismatches(List<Mismatch> mismatches) {
    for (Object[] row :
        rows(
            "SELECT coalesce(g.user_id, q.user_id), coalesce(g.id, q.reference_id),"
                + " g.quota_units, -q.amount FROM generations g FULL JOIN (SELECT user_id,"
                + " reference_id, amount FROM quota_transactions WHERE type = 'consume'"
                + " AND reference_type = ?1) q ON q.reference_id = g.id"
                + " WHERE (g.quota_units > 0 AND q.amount IS NULL)"
                + " OR (q.amount IS NOT NULL AND (g.id IS NULL OR g.quota_units <> -q.amount))",
            GenerationRequests.QUOTA_REFERENCE)) {
      mismatches.add(
          new Mismatch(
              "quota-consumed",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              "The generation is paid with "
                  + row[2]
                  + " units of quota but its quota ledger took "
                  + row[3]
                  + "."));
    }
    for (Object[] row :
        rows(
            "SELECT coalesce(g.user_id, q.user_id), coalesce(j.generation_id, q.reference_id),"
                + " j.id, j.quota_units, q.amount FROM generation_jobs j"
                + " LEFT JOIN generations g ON g.id = j.generation_id"
                + " FULL JOIN (SELECT user_id, reference_id, amount FROM quota_transactions"
                + " WHERE type = 'give-back' AND reference_type = ?1) q ON q.reference_id = j.id"
                + " WHERE (j.refunded AND j.quota_units > 0 AND q.amount IS NULL)"
                + " OR (q.amount IS NOT NULL"
                + " AND (j.id IS NULL OR NOT j.refunded OR q.amount <> j.quota_units))",
            Job.LEDGER_REFERENCE)) {
      mismatches.add(
          new Mismatch(
              "quota-given-back",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              "Job "
                  + row[2]
                  + " of "
                  + row[3]
                  + " units of quota got "
                  + (row[4] == null ? "nothing" : row[4])
                  + " back."));
    }
    for (Object[] row :
        rows(
            "SELECT g.user_id, g.id, g.quota_refunded, s.refunded, g.quota_units, s.units"
                + " FROM generations g JOIN (SELECT generation_id,"
                + " coalesce(sum(quota_units) FILTER (WHERE refunded), 0) AS refunded,"
                + " sum(quota_units) AS units FROM generation_jobs GROUP BY generation_id) s"
                + " ON s.generation_id = g.id"
                + " WHERE g.quota_refunded <> s.refunded OR g.quota_units <> s.units")) {
      mismatches.add(
          new Mismatch(
              "generation-quota",
              (UUID) row[0],
              (UUID) row[1],
              null,
              null,
              "The generation counts "
                  + row[2]
                  + " units of quota given back of "
                  + row[4]
                  + "; its jobs got "
                  + row[3]
                  + " of "
                  + row[5]
                  + "."));
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query.getResultList();
  }
}
