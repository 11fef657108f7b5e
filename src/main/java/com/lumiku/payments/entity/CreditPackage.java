package com.lumiku.payments.entity;

/**
 * Credits for sale: what a payment of {@code price} rupiah grants ({@code credits} plus {@code
 * bonus}). Inactive packages are listed for nobody and cannot be bought.
 */
public record CreditPackage(String id, long credits, long bonus, long price, boolean active) {

  /** What a payment of this package adds to the balance. */
  public long totalCredits() {
    return credits + bonus;
  }
}
