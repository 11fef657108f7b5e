package com.lumiku.payments.control;

import java.math.BigDecimal;

/**
 * What a callback may do, decided from the callback alone and the stored amount: the pure part of
 * {@link PaymentCallbacks}. A callback is believed only if it is complete, signed with the merchant
 * key, for this merchant, about a payment we made, for exactly its amount; then its result code
 * says paid or failed, and any other code changes nothing.
 */
public final class CallbackDecision {

  /** The decision; the rejections are answered 400 and change nothing. */
  public enum Verdict {
    PAID,
    FAILED,
    /** A result code that ends nothing (Duitku documents only 00 and 01 for callbacks). */
    NO_CHANGE,
    INCOMPLETE,
    BAD_SIGNATURE,
    WRONG_MERCHANT,
    UNKNOWN_ORDER,
    AMOUNT_MISMATCH;

    public boolean rejected() {
      return ordinal() >= INCOMPLETE.ordinal();
    }
  }

  private CallbackDecision() {}

  /**
   * @param storedAmount the amount of the payment the callback names, in rupiah; null if there is
   *     no such payment
   */
  public static Verdict decide(Callback callback, MerchantCredentials merchant, Long storedAmount) {
    if (blank(callback.merchantCode())
        || blank(callback.amount())
        || blank(callback.merchantOrderId())
        || blank(callback.signature())
        || blank(callback.resultCode())) {
      return Verdict.INCOMPLETE;
    }
    String expected =
        DuitkuSignatures.callback(merchant, callback.amount(), callback.merchantOrderId());
    if (!DuitkuSignatures.matches(expected, callback.signature())) {
      return Verdict.BAD_SIGNATURE;
    }
    if (!merchant.merchantCode().equals(callback.merchantCode())) {
      return Verdict.WRONG_MERCHANT;
    }
    if (storedAmount == null) {
      return Verdict.UNKNOWN_ORDER;
    }
    if (!sameAmount(callback.amount(), storedAmount)) {
      return Verdict.AMOUNT_MISMATCH;
    }
    return switch (callback.resultCode()) {
      case Callback.PAID -> Verdict.PAID;
      case Callback.FAILED -> Verdict.FAILED;
      default -> Verdict.NO_CHANGE;
    };
  }

  /** Rupiah have no minor unit in practice, but "10000.00" is the same amount as 10000. */
  static boolean sameAmount(String received, long stored) {
    try {
      return new BigDecimal(received.strip()).compareTo(BigDecimal.valueOf(stored)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
