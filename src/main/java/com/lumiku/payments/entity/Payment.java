package com.lumiku.payments.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One checkout at the payment gateway. What it grants and costs is copied from its package when it
 * is made. Its status changes only by the conditional updates of {@code Settlements}, never through
 * this entity, so two settlers never both win.
 */
@Entity
@Table(name = "payments")
public class Payment {

  /** The kind of thing bought; the unlimited pose plan will be the second. */
  public static final String KIND_CREDITS = "credits";

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

  protected Payment() {}

  public Payment(
      UUID userId,
      String merchantOrderId,
      CreditPackage creditPackage,
      String paymentMethod,
      OffsetDateTime expiresAt) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.merchantOrderId = merchantOrderId;
    this.packageId = creditPackage.id();
    this.kind = KIND_CREDITS;
    this.credits = creditPackage.credits();
    this.bonusCredits = creditPackage.bonus();
    this.amount = creditPackage.price();
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
}
