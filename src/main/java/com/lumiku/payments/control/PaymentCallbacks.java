package com.lumiku.payments.control;

import com.lumiku.payments.control.CallbackDecision.Verdict;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes a gateway's callback: believed only as {@link CallbackDecision} says (signature, merchant,
 * known order, exact amount), then settled by {@link Settlements} in one transaction. A rejected
 * callback changes nothing and is logged at WARNING with its order id; a duplicate or a replay of
 * one that was settled finds the payment ended and changes nothing either.
 */
@ApplicationScoped
public class PaymentCallbacks {

  private static final Logger LOG = Logger.getLogger(PaymentCallbacks.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PaymentGateways gateways;
  @Inject Settlements settlements;

  /**
   * @throws ProblemException 400 if the callback is rejected
   */
  @Transactional
  public Verdict receive(Callback callback) {
    Verdict verdict =
        CallbackDecision.decide(
            callback, gateways.current().merchant(), amountOf(callback.merchantOrderId()));
    switch (verdict) {
      case PAID, FAILED -> {
        boolean changed =
            verdict == Verdict.PAID
                ? settlements.paid(callback.merchantOrderId(), callback.reference())
                : settlements.failed(callback.merchantOrderId());
        if (!changed) {
          LOG.log(
              Level.INFO,
              "Payment callback ({0}) for order {1} found it ended already; nothing changed",
              new Object[] {verdict, callback.merchantOrderId()});
        }
      }
      case NO_CHANGE ->
          LOG.log(
              Level.INFO,
              "Payment callback for order {0} with result code {1} changes nothing",
              new Object[] {shown(callback.merchantOrderId()), shown(callback.resultCode())});
      default -> {
        LOG.log(
            Level.WARNING,
            "Payment callback rejected ({0}) for order {1}, reference {2}",
            new Object[] {verdict, shown(callback.merchantOrderId()), shown(callback.reference())});
        throw ProblemException.badRequest("The callback was rejected.");
      }
    }
    return verdict;
  }

  private Long amountOf(String merchantOrderId) {
    if (merchantOrderId == null) {
      return null;
    }
    List<Number> amount =
        em.createQuery("SELECT p.amount FROM Payment p WHERE p.merchantOrderId = :id", Number.class)
            .setParameter("id", merchantOrderId)
            .getResultList();
    return amount.isEmpty() ? null : amount.get(0).longValue();
  }

  /** What a caller sent, made safe for one log line. */
  private static String shown(String value) {
    if (value == null) {
      return "(none)";
    }
    String line = value.replaceAll("\\p{Cntrl}", "?");
    return line.length() > 60 ? line.substring(0, 60) + "..." : line;
  }
}
