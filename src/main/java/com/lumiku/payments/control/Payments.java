package com.lumiku.payments.control;

import com.lumiku.payments.control.PaymentGateway.CheckoutAnswer;
import com.lumiku.payments.control.PaymentGateway.CheckoutRequest;
import com.lumiku.payments.control.PaymentGateway.GatewayFailure;
import com.lumiku.payments.entity.CreditPackage;
import com.lumiku.payments.entity.Payment;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checkouts and the buyer's payments. */
@ApplicationScoped
public class Payments {

  private static final Logger LOG = Logger.getLogger(Payments.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CreditPackages packages;
  @Inject PaymentGateways gateways;
  @Inject PaymentLinks links;

  @Inject
  @ConfigProperty(name = "lumiku.payments.expiry")
  Duration expiry;

  /**
   * Creates a payment of a package at the gateway.
   *
   * <p>In the caller's transaction (the Idempotency-Key's): the payment is stored, the gateway is
   * asked, and its reference and payment URL are recorded, all before the commit. A gateway that
   * refuses or cannot be reached rolls everything back (502, nothing stored), so no pending payment
   * is left that nobody can pay. If the commit fails after the gateway accepted, the buyer never
   * sees the payment URL; the gateway's unpaid order expires there, and a callback about it would
   * name an unknown order and be rejected.
   *
   * @throws ProblemException 400 naming the fields for an unknown or inactive package or a payment
   *     method not offered; 502 if the gateway refused
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Payment checkout(UUID userId, String email, String packageId, String paymentMethod) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Optional<CreditPackage> bought =
        packageId == null ? Optional.empty() : packages.buyable(packageId);
    if (bought.isEmpty()) {
      errors.add(
          new Problem.FieldError(
              "packageId",
              "must be one of " + packages.active().stream().map(CreditPackage::id).toList()));
    }
    if (paymentMethod == null || !packages.methods().contains(paymentMethod)) {
      errors.add(
          new Problem.FieldError(
              "paymentMethod", "must be one of " + packages.methods().stream().sorted().toList()));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    CreditPackage creditPackage = bought.get();
    String merchantOrderId = "LMK" + UUID.randomUUID().toString().replace("-", "");
    long minutes = Math.max(1, expiry.toMinutes());
    Payment payment =
        new Payment(
            userId,
            merchantOrderId,
            creditPackage,
            paymentMethod,
            UtcClock.now().plusMinutes(minutes));
    em.persist(payment);
    em.flush();
    CheckoutAnswer answer;
    try {
      answer =
          gateways
              .current()
              .checkout(
                  new CheckoutRequest(
                      merchantOrderId,
                      payment.amount(),
                      paymentMethod,
                      "Lumiku " + creditPackage.totalCredits() + " credits",
                      email,
                      customerName(email),
                      minutes,
                      links.callback(),
                      links.returnPage()));
    } catch (GatewayFailure e) {
      LOG.log(
          Level.WARNING,
          "Checkout of order {0} failed at the gateway: {1}",
          new Object[] {merchantOrderId, e.getMessage()});
      throw new ProblemException(
          Problem.of(
              502,
              "Bad Gateway",
              "The payment gateway did not accept the payment; nothing was stored or charged."
                  + " Try again later."));
    }
    payment.checkedOut(answer.reference(), answer.paymentUrl());
    return payment;
  }

  /** The caller's payment with this order id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Payment> ofUser(UUID userId, String merchantOrderId) {
    return em.createQuery(
            "SELECT p FROM Payment p WHERE p.merchantOrderId = :id AND p.userId = :userId",
            Payment.class)
        .setParameter("id", merchantOrderId)
        .setParameter("userId", userId)
        .getResultStream()
        .findFirst();
  }

  /** A page of the user's payments, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Payment> ofUser(UUID userId, PageCursor after, int limit) {
    return PageCursor.bind(
            em.createQuery(
                "SELECT p FROM Payment p WHERE p.userId = :userId"
                    + PageCursor.jpqlAfter(after, "p")
                    + PageCursor.jpqlOrder("p"),
                Payment.class),
            after,
            limit)
        .setParameter("userId", userId)
        .getResultList();
  }

  /**
   * What the status check asks the gateway about, oldest first, after the position {@code after}
   * (null: from the oldest): payments pending since before {@code before}, and those that expired
   * or failed since {@code since} (a success whose callback was lost, or came after our expiry or a
   * replayed "01", is still found).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Payment> unsettled(
      OffsetDateTime before, OffsetDateTime since, PageCursor after, int limit) {
    return PageCursor.bind(
            em.createQuery(
                "SELECT p FROM Payment p WHERE ((p.status = 'pending' AND p.createdAt < :before)"
                    + " OR (p.status IN ('expired', 'failed') AND p.settledAt > :since))"
                    + (after == null
                        ? ""
                        : " AND (p.createdAt > :createdAt"
                            + " OR (p.createdAt = :createdAt AND p.id > :id))")
                    + " ORDER BY p.createdAt, p.id",
                Payment.class),
            after,
            limit)
        .setParameter("before", before)
        .setParameter("since", since)
        .getResultList();
  }

  /** The name on a virtual account: Duitku shows it to the payer (at most 20 characters). */
  static String customerName(String email) {
    String local =
        email == null ? "" : email.replaceAll("@.*", "").replaceAll("[^A-Za-z0-9 ]", " ");
    String name = local.strip().isEmpty() ? "Lumiku" : local.strip();
    return name.length() > 20 ? name.substring(0, 20).strip() : name;
  }
}
