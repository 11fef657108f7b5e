package com.lumiku.payments.boundary;

import com.lumiku.payments.entity.Payment;
import com.lumiku.payments.entity.PaymentStatus;
import java.time.OffsetDateTime;

/**
 * A payment as its buyer sees it; amounts in rupiah ({@code currency} IDR). {@code paymentUrl} only
 * while it can still be paid.
 */
public record PaymentView(
    String merchantOrderId,
    String packageId,
    String kind,
    long credits,
    long bonusCredits,
    long amount,
    String currency,
    String paymentMethod,
    String status,
    String reference,
    String paymentUrl,
    OffsetDateTime expiresAt,
    OffsetDateTime createdAt,
    OffsetDateTime settledAt) {

  public static PaymentView of(Payment p) {
    return new PaymentView(
        p.merchantOrderId(),
        p.packageId(),
        p.kind(),
        p.credits(),
        p.bonusCredits(),
        p.amount(),
        "IDR",
        p.paymentMethod(),
        p.status().code(),
        p.reference(),
        p.status() == PaymentStatus.PENDING ? p.paymentUrl() : null,
        p.expiresAt(),
        p.createdAt(),
        p.settledAt());
  }
}
