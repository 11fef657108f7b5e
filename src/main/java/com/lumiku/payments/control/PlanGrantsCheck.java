package com.lumiku.payments.control;

import com.lumiku.credits.control.LedgerCheck;
import com.lumiku.credits.control.Reconciliation.Mismatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The plan payments' part of the reconciliation: every paid (or since refunded) plan payment
 * extended its buyer's quota tier exactly once, by its app, days and daily quota, and every
 * extension that names a payment names such a one; every refunded plan payment shortened the tier
 * exactly once, by the time it records as recovered (what the shortening's own end before and after
 * say it took), and every shortening names such a one.
 */
@ApplicationScoped
public class PlanGrantsCheck implements LedgerCheck {

  private static final String GRANTS =
      "SELECT id, user_id, reference_id, %s AS value FROM quota_grants"
          + " WHERE type = '%s' AND reference_type = '"
          + Settlements.REFERENCE_TYPE
          + "'";

  private static final PaymentPairs EXTENSIONS =
      new PaymentPairs(
          "SELECT id, user_id, merchant_order_id,"
              + " plan_app || ', ' || plan_days || ' days, ' || plan_daily_quota || ' a day'"
              + " AS value FROM payments WHERE kind = 'plan' AND status IN ('paid', 'refunded')",
          GRANTS.formatted("app || ', ' || days || ' days, ' || daily_quota || ' a day'", "extend"),
          "paid-plan-without-extension",
          "tier extension",
          "extension-without-paid-plan",
          "extension-terms",
          "extension-user");

  private static final PaymentPairs SHORTENINGS =
      new PaymentPairs(
          "SELECT id, user_id, merchant_order_id, plan_app || ', ' || plan_days || ' days, '"
              + " || plan_recovered_micros || ' microseconds taken back' AS value"
              + " FROM payments WHERE kind = 'plan' AND status = 'refunded'",
          GRANTS.formatted(
              "app || ', ' || days || ' days, '"
                  + " || CAST(extract(epoch FROM previous_expires_at - expires_at) * 1000000"
                  + " AS bigint) || ' microseconds taken back'",
              "shorten"),
          "refunded-plan-without-shortening",
          "tier shortening",
          "shortening-without-refunded-plan",
          "shortening-terms",
          "shortening-user");

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Mismatch> mismatches() {
    return PaymentPairs.mismatches(em, EXTENSIONS, SHORTENINGS);
  }
}
