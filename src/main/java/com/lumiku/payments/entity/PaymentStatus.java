package com.lumiku.payments.entity;

import java.util.Locale;

/**
 * Where a payment stands; it leaves {@code pending} once (a late success may end an expired one),
 * and an admin may mark a paid one {@code refunded} once.
 */
public enum PaymentStatus {
  PENDING,
  PAID,
  FAILED,
  EXPIRED,
  REFUNDED;

  /** The lower-case name used in the database and the API. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentStatus ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
