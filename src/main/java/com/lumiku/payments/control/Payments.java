package com.lumiku.payments.control;

import com.lumiku.payments.control.PaymentGateway.CheckoutAnswer;
import com.lumiku.payments.control.PaymentGateway.CheckoutRequest;
import com.lumiku.payments.control.PaymentGateway.GatewayFailure;
import com.lumiku.payments.entity.CreditPackage;
import com.lumiku.payments.entity.Payment;
import com.lumiku.payments.entity.PaymentStatus;
import com.lumiku.payments.entity.QuotaPlan;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
   * Creates a payment of a package or a plan (both are named by {@code packageId}) at the gateway.
   *
   * <p>In the caller's transaction (the Idempotency-Key's): the payment is stored, the gateway is
   * asked, and its reference and payment URL are recorded, all before the commit. A gateway that
   * refuses or cannot be reached rolls everything back (502, nothing stored), so no pending payment
   * is left that nobody can pay. If the commit fails after the gateway accepted, the buyer never
   * sees the payment URL; the gateway's unpaid order expires there, and a callback about it would
   * name an unknown order and be rejected.
   *
   * @throws ProblemException 400 naming the fields for an unknown or inactive package or plan or a
   *     payment method not offered; 502 if the gateway refused
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Payment checkout(UUID userId, String email, String packageId, String paymentMethod) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Optional<CreditPackage> credits =
        packageId == null ? Optional.empty() : packages.buyable(packageId);
    Optional<QuotaPlan> plan =
        packageId == null ? Optional.empty() : packages.buyablePlan(packageId);
    if (credits.isEmpty() && plan.isEmpty()) {
      errors.add(new Problem.FieldError("packageId", "must be one of " + packages.buyableIds()));
    }
    if (paymentMethod == null || !packages.methods().contains(paymentMethod)) {
      errors.add(
          new Problem.FieldError(
              "paymentMethod", "must be one of " + packages.methods().stream().sorted().toList()));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String merchantOrderId = "LMK" + UUID.randomUUID().toString().replace("-", "");
    long minutes = Math.max(1, expiry.toMinutes());
    OffsetDateTime expiresAt = UtcClock.now().plusMinutes(minutes);
    Payment payment =
        credits.isPresent()
            ? new Payment(userId, email, merchantOrderId, credits.get(), paymentMethod, expiresAt)
            : new Payment(userId, email, merchantOrderId, plan.get(), paymentMethod, expiresAt);
    String productDetails =
        credits
            .map(c -> "Lumiku " + c.totalCredits() + " credits")
            .orElseGet(
                () -> "Lumiku " + plan.get().app() + " plan, " + plan.get().days() + " days");
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
                      productDetails,
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

  /** What admins look for among all payments; null fields do not filter. */
  public record Search(
      PaymentStatus status,
      UUID userId,
      String text,
      OffsetDateTime createdFrom,
      OffsetDateTime createdBefore) {}

  /**
   * A page of all payments matching the search, newest first. {@code text} is a merchant order id
   * or gateway reference (exactly) or a part of the buyer's email (any case).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Payment> search(Search search, PageCursor after, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT p FROM Payment p WHERE 1 = 1");
    if (search.status() != null) {
      jpql.append(" AND p.status = :status");
    }
    if (search.userId() != null) {
      jpql.append(" AND p.userId = :userId");
    }
    if (search.text() != null) {
      jpql.append(
          " AND (p.merchantOrderId = :text OR p.reference = :text"
              + " OR LOWER(p.email) LIKE :emailPart ESCAPE '\\')");
    }
    if (search.createdFrom() != null) {
      jpql.append(" AND p.createdAt >= :from");
    }
    if (search.createdBefore() != null) {
      jpql.append(" AND p.createdAt < :before");
    }
    jpql.append(PageCursor.jpqlAfter(after, "p")).append(PageCursor.jpqlOrder("p"));
    TypedQuery<Payment> query =
        PageCursor.bind(em.createQuery(jpql.toString(), Payment.class), after, limit);
    if (search.status() != null) {
      query.setParameter("status", search.status().code());
    }
    if (search.userId() != null) {
      query.setParameter("userId", search.userId());
    }
    if (search.text() != null) {
      String literal = search.text().replaceAll("([\\\\%_])", "\\\\$1");
      query
          .setParameter("text", search.text())
          .setParameter("emailPart", "%" + literal.toLowerCase(Locale.ROOT) + "%");
    }
    if (search.createdFrom() != null) {
      query.setParameter("from", search.createdFrom());
    }
    if (search.createdBefore() != null) {
      query.setParameter("before", search.createdBefore());
    }
    return query.getResultList();
  }

  /** Any user's payment with this order id (for admins). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Payment> find(String merchantOrderId) {
    return em.createQuery("SELECT p FROM Payment p WHERE p.merchantOrderId = :id", Payment.class)
        .setParameter("id", merchantOrderId)
        .getResultStream()
        .findFirst();
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
