package com.lumiku.credits.control;

import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Proves the credits add up. Every balance must equal the sum of its ledger; every {@code deduct}
 * must belong to a generation that is still live, completed, or (failed or canceled and) refunded;
 * every refund must belong to a failed or canceled generation marked refunded, and the reverse.
 * Each mismatch is logged as an error, counted in the {@code credits.reconciliation.mismatches}
 * metric, and returned.
 *
 * <p>Each question is one SQL statement, so it sees one consistent snapshot even while charges
 * commit: a balance and its ledger entry always commit together.
 */
@ApplicationScoped
public class Reconciliation {

  private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());
  private static final int MAX_LISTED = 1000;

  @PersistenceContext EntityManager em;
  @Inject MetricRegistry metrics;

  private final AtomicLong lastMismatches = new AtomicLong();

  /** One thing that does not add up. */
  @JsonbPropertyOrder({"kind", "userId", "generationId", "balance", "ledgerSum", "detail"})
  public record Mismatch(
      String kind, UUID userId, UUID generationId, Long balance, Long ledgerSum, String detail) {}

  /** The outcome of one reconciliation. */
  @JsonbPropertyOrder({"accountsChecked", "deductionsChecked", "mismatches", "checkedAt"})
  public record Report(
      long accountsChecked,
      long deductionsChecked,
      List<Mismatch> mismatches,
      OffsetDateTime checkedAt) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  public Report check() {
    long accounts = count("SELECT count(*) FROM credit_accounts");
    long deductions = count("SELECT count(*) FROM credit_transactions WHERE type = 'deduct'");
    List<Mismatch> mismatches = new ArrayList<>();
    for (Object[] row :
        rows(
            "SELECT a.user_id, a.balance, coalesce(s.total, 0) FROM credit_accounts a"
                + " LEFT JOIN (SELECT user_id, sum(amount) AS total FROM credit_transactions"
                + " GROUP BY user_id) s ON s.user_id = a.user_id"
                + " WHERE a.balance <> coalesce(s.total, 0) ORDER BY a.user_id")) {
      long balance = ((Number) row[1]).longValue();
      long sum = ((Number) row[2]).longValue();
      mismatches.add(
          new Mismatch(
              "balance",
              (UUID) row[0],
              null,
              balance,
              sum,
              "The balance is " + balance + " but the ledger sums to " + sum + "."));
    }
    for (Object[] row :
        rows(
            "SELECT t.user_id, t.reference_id, g.id, g.status FROM credit_transactions t"
                + " LEFT JOIN generations g ON g.id = t.reference_id"
                + " WHERE t.type = 'deduct' AND t.reference_type = 'generation'"
                + " AND (g.id IS NULL OR (g.status IN ('failed', 'canceled') AND NOT g.refunded))"
                + " ORDER BY t.created_at")) {
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
                + " WHERE type = 'refund' AND reference_type = 'generation') r"
                + " ON r.reference_id = g.id"
                + " WHERE (g.refunded AND r.id IS NULL)"
                + " OR (r.id IS NOT NULL AND (g.id IS NULL OR NOT g.refunded"
                + " OR g.status NOT IN ('failed', 'canceled')))")) {
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
    record(mismatches);
    return new Report(
        accounts,
        deductions,
        mismatches.size() > MAX_LISTED ? mismatches.subList(0, MAX_LISTED) : mismatches,
        UtcClock.now());
  }

  private void record(List<Mismatch> mismatches) {
    metrics.counter("credits.reconciliation.runs").inc();
    Counter found = metrics.counter("credits.reconciliation.mismatches");
    found.inc(mismatches.size());
    lastMismatches.set(mismatches.size());
    metrics.gauge("credits.reconciliation.lastMismatches", lastMismatches, AtomicLong::get);
    if (mismatches.isEmpty()) {
      LOG.fine("Credit reconciliation: everything adds up");
      return;
    }
    LOG.severe(() -> "Credit reconciliation found " + mismatches.size() + " mismatches");
    mismatches.stream()
        .limit(100)
        .forEach(
            m ->
                LOG.severe(
                    () ->
                        "Credit mismatch "
                            + m.kind()
                            + ": user "
                            + m.userId()
                            + (m.generationId() == null ? "" : ", generation " + m.generationId())
                            + ": "
                            + m.detail()));
  }

  private long count(String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }
}
