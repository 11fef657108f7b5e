package com.lumiku.payments.entity;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.database.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One checkout at the payment gateway. What it grants and costs is copied from its package when it
 * is made. Its status changes only by the conditional updates of {@code Settlements}, never through
 * this entity, so two settlers never both win.
 */
@Entity
@Table(name = "payments")
public class Payment {

  /** The kinds of thing bought: credits (a package), or a quota tier (a plan). */
  public static final String KIND_CREDITS = "credits";

  public static final String KIND_PLAN = "plan";

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "merchant_order_id", nullable = false)
  private String merchantOrderId;

  @Column(name = "package_id", nullable = false)
  private String packageId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private long credits;

  @Column(name = "bonus_credits", nullable = false)
  private long bonusCredits;

  @Column(nullable = false)
  private long amount;

  @Column(name = "payment_method", nullable = false)
  private String paymentMethod;

  @Column(nullable = false)
  private String status;

  private String reference;

  @Column(name = "payment_url")
  private String paymentUrl;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "settled_at")
  private OffsetDateTime settledAt;

  @Column(name = "plan_app")
  private String planApp;

  @Column(name = "plan_days")
  private Integer planDays;

  @Column(name = "plan_daily_quota")
  private Integer planDailyQuota;

  @Column(nullable = false)
  private String email;

  @Column(name = "refunded_at")
  private OffsetDateTime refundedAt;

  @Column(name = "refunded_by")
  @Convert(converter = NullableUuid.class)
  private UUID refundedBy;

  @Column(name = "refund_reason")
  private String refundReason;

  @Column(name = "credits_recovered")
  private Long creditsRecovered;

  @Column(name = "credits_unrecovered")
  private Long creditsUnrecovered;

  @Column(name = "plan_recovered_micros")
  private Long planRecoveredMicros;

  @Column(name = "plan_unrecovered_micros")
  private Long planUnrecoveredMicros;

  protected Payment() {}

  /** A checkout of a credit package by the user with this email. */
  public Payment(
      UUID userId,
      String email,
      String merchantOrderId,
      CreditPackage creditPackage,
      String paymentMethod,
      OffsetDateTime expiresAt) {
    this(
        userId, email, merchantOrderId, creditPackage.id(), KIND_CREDITS, paymentMethod, expiresAt);
    this.credits = creditPackage.credits();
    this.bonusCredits = creditPackage.bonus();
    this.amount = creditPackage.price();
  }

  /** A checkout of a plan (no credits; the tier it gives is copied). */
  public Payment(
      UUID userId,
      String email,
      String merchantOrderId,
      QuotaPlan plan,
      String paymentMethod,
      OffsetDateTime expiresAt) {
    this(userId, email, merchantOrderId, plan.id(), KIND_PLAN, paymentMethod, expiresAt);
    this.amount = plan.price();
    this.planApp = plan.app();
    this.planDays = plan.days();
    this.planDailyQuota = plan.dailyQuota();
  }

  private Payment(
      UUID userId,
      String email,
      String merchantOrderId,
      String packageId,
      String kind,
      String paymentMethod,
      OffsetDateTime expiresAt) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.email = email;
    this.merchantOrderId = merchantOrderId;
    this.packageId = packageId;
    this.kind = kind;
    this.paymentMethod = paymentMethod;
    this.status = PaymentStatus.PENDING.code();
    this.expiresAt = expiresAt;
    this.createdAt = UtcClock.now();
    this.updatedAt = createdAt;
  }

  /** Records what the gateway answered at checkout. */
  public void checkedOut(String reference, String paymentUrl) {
    this.reference = reference;
    this.paymentUrl = paymentUrl;
    this.updatedAt = UtcClock.now();
  }

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public String merchantOrderId() {
    return merchantOrderId;
  }

  public String packageId() {
    return packageId;
  }

  public String kind() {
    return kind;
  }

  public long credits() {
    return credits;
  }

  public long bonusCredits() {
    return bonusCredits;
  }

  public long amount() {
    return amount;
  }

  public String paymentMethod() {
    return paymentMethod;
  }

  public PaymentStatus status() {
    return PaymentStatus.ofCode(status);
  }

  public String reference() {
    return reference;
  }

  public String paymentUrl() {
    return paymentUrl;
  }

  public OffsetDateTime expiresAt() {
    return expiresAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public OffsetDateTime settledAt() {
    return settledAt;
  }

  /** The app of the tier a plan payment gives (null for credits). */
  public String planApp() {
    return planApp;
  }

  /** The days a plan payment adds to the tier (null for credits). */
  public Integer planDays() {
    return planDays;
  }

  /** The daily quota a plan payment sets (null for credits). */
  public Integer planDailyQuota() {
    return planDailyQuota;
  }

  /** The email the buyer checked out with (the gateway was given it). */
  public String email() {
    return email;
  }

  public OffsetDateTime refundedAt() {
    return refundedAt;
  }

  /** The admin who marked it refunded. */
  public UUID refundedBy() {
    return refundedBy;
  }

  public String refundReason() {
    return refundReason;
  }

  /** What a refund of credits took back from the balance (null unless a refunded credits one). */
  public Long creditsRecovered() {
    return creditsRecovered;
  }

  /** What a refund of credits could not take back: the buyer had spent them (a debt). */
  public Long creditsUnrecovered() {
    return creditsUnrecovered;
  }

  /**
   * What a refund of a plan took off the tier: what was still unused of the days it had added (null
   * unless a refunded plan one).
   */
  public Duration planTimeRecovered() {
    return micros(planRecoveredMicros);
  }

  /** What a refund of a plan could not take back: the part of its days already used (or over). */
  public Duration planTimeUnrecovered() {
    return micros(planUnrecoveredMicros);
  }

  private static Duration micros(Long micros) {
    return micros == null ? null : Duration.of(micros, ChronoUnit.MICROS);
  }
}
