package com.lumiku.generations.control;

/**
 * How an order is paid: with credits (the price of its operations), or with units of the user's
 * quota tier in the app (one per job, instead of credits), or with the quota when it covers the
 * order and credits otherwise. A quota that does not cover a {@link #QUOTA} order refuses it
 * ({@code QuotaExhausted}, 402 of its own type), unless the tier is no longer in force (then
 * credits pay, as for a user without one); nothing is split between the two.
 */
public enum Payment {
  CREDITS,
  QUOTA,
  QUOTA_OR_CREDITS
}
