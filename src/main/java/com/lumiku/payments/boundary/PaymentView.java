package com.lumiku.payments.boundary;

import com.lumiku.payments.entity.Payment;
import com.lumiku.payments.entity.PaymentStatus;
import java.time.OffsetDateTime;

/**
 * A payment as its buyer sees it; amounts in rupiah ({@code currency} IDR). {@code paymentUrl} only
 * while it can still be paid; {@code plan} only for a plan payment ({@code kind} {@code plan}, no
 * credits); {@code refundedAt} once an admin marked it refunded.
 */
public record PaymentView(
    String merchantOrderId,
    String packageId,
    String kind,
    long credits,
    long bonusCredits,
    PlanTerms plan,
    long amount,
    String currency,
    String paymentMethod,
    String status,
    String reference,
    String paymentUrl,
    OffsetDateTime expiresAt,
    OffsetDateTime createdAt,
    OffsetDateTime settledAt,
    OffsetDateTime refundedAt) {

  /** What a plan payment gives: {@code days} more of the tier in {@code app}, a daily quota. */
  public record PlanTerms(String app, int days, int dailyQuota) {

    static PlanTerms of(Payment p) {
      return Payment.KIND_PLAN.equals(p.kind())
          ? new PlanTerms(p.planApp(), p.planDays(), p.planDailyQuota())
          : null;
    }
  }

  public static PaymentView of(Payment p) {
    return new PaymentView(
        p.merchantOrderId(),
        p.packageId(),
        p.kind(),
        p.credits(),
        p.bonusCredits(),
        PlanTerms.of(p),
        p.amount(),
        "IDR",
        p.paymentMethod(),
        p.status().code(),
        p.reference(),
        p.status() == PaymentStatus.PENDING ? p.paymentUrl() : null,
        p.expiresAt(),
        p.createdAt(),
        p.settledAt(),
        p.refundedAt());
  }
}
