package com.lumiku.credits.control;

import com.lumiku.credits.entity.TransactionType;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Proves the credits add up. Every balance must equal the sum of its ledger; and every feature's
 * {@link LedgerCheck} must find its entries matching its records (for generations: every {@code
 * deduct} belongs to a generation that is still live, completed, or refunded, and refunds match the
 * generations marked refunded). Each mismatch is logged as an error, counted in the {@code
 * credits.reconciliation.mismatches} metric, and returned.
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
  @Inject @Any Instance<LedgerCheck> checks;

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
    long deductions =
        count(
            "SELECT count(*) FROM credit_transactions WHERE type = '"
                + TransactionType.DEDUCT.code()
                + "'");
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
    for (LedgerCheck check : checks) {
      mismatches.addAll(check.mismatches());
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
    LOG.log(Level.SEVERE, "Credit reconciliation found {0} mismatches", mismatches.size());
    mismatches.stream()
        .limit(100)
        .forEach(
            m ->
                LOG.log(
                    Level.SEVERE,
                    "Credit mismatch {0}: user {1}{2}: {3}",
                    new Object[] {
                      m.kind(),
                      m.userId(),
                      m.generationId() == null ? "" : ", generation " + m.generationId(),
                      m.detail()
                    }));
  }

  private long count(String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql) {
    return em.createNativeQuery(sql).getResultList();
  }
}
