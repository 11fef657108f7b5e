package com.lumiku.payments.control;

import com.lumiku.credits.control.Reconciliation.Mismatch;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One question of the payments' reconciliation: each payment of a set must have exactly one entry
 * of a kind (a top-up, a clawback, a tier extension...) that names it, belongs to the payment's
 * user and states what the payment says, and each such entry must name a payment of the set. One
 * SQL statement (a full join), so it sees one snapshot.
 *
 * @param payments SQL of the payments concerned: {@code id, user_id, merchant_order_id, value}
 * @param entries SQL of the entries: {@code id, user_id, reference_id, value}
 * @param missing the mismatch kind of a payment without its entry, and {@code what} it lacks
 * @param orphan the mismatch kind of an entry without its payment
 * @param disagreeing the mismatch kind of a pair whose values differ
 * @param otherUser the mismatch kind of a pair whose entry is another user's than the payment
 */
record PaymentPairs(
    String payments,
    String entries,
    String missing,
    String what,
    String orphan,
    String disagreeing,
    String otherUser) {

  /** What every one of the questions finds, in order. */
  static List<Mismatch> mismatches(EntityManager em, PaymentPairs... questions) {
    List<Mismatch> mismatches = new ArrayList<>();
    for (PaymentPairs question : questions) {
      mismatches.addAll(question.mismatches(em));
    }
    return mismatches;
  }

  List<Mismatch> mismatches(EntityManager em) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT coalesce(p.user_id, e.user_id), p.merchant_order_id, e.id,"
                    + " CAST(p.value AS text), CAST(e.value AS text), e.user_id"
                    + " FROM ("
                    + payments
                    + ") p FULL JOIN ("
                    + entries
                    + ") e ON e.reference_id = p.id"
                    + " WHERE p.id IS NULL OR e.id IS NULL OR e.user_id <> p.user_id"
                    + " OR CAST(e.value AS text) <> CAST(p.value AS text) ORDER BY 1, 2")
            .getResultList();
    List<Mismatch> mismatches = new ArrayList<>();
    for (Object[] row : rows) {
      String kind;
      String detail;
      if (row[1] == null) {
        kind = orphan;
        detail = "Entry " + row[2] + " (" + row[4] + ") names a payment that should not have it.";
      } else if (row[2] == null) {
        kind = missing;
        detail = "Payment " + row[1] + " is worth " + row[3] + " but has no " + what + ".";
      } else if (!row[0].equals(row[5])) {
        // The payment's user is the one to look at (the entry went to somebody else).
        kind = otherUser;
        detail =
            "Payment "
                + row[1]
                + " is user "
                + row[0]
                + "'s but its "
                + what
                + " (entry "
                + row[2]
                + ") is user "
                + row[5]
                + "'s.";
      } else {
        kind = disagreeing;
        detail =
            "Payment "
                + row[1]
                + " is worth "
                + row[3]
                + " but its "
                + what
                + " is "
                + row[4]
                + ".";
      }
      mismatches.add(new Mismatch(kind, (UUID) row[0], null, null, null, detail));
    }
    return mismatches;
  }
}
