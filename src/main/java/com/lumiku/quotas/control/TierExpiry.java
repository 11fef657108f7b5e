package com.lumiku.quotas.control;

import java.time.OffsetDateTime;

/**
 * When a tier ends after a plan is bought or refunded. Buying adds the plan's days to what is left
 * of a tier in force, or to now (a lapsed or revoked tier does not pass on its old end); a refund
 * takes them off again, but never into the past and never lengthens a tier.
 */
public final class TierExpiry {

  private TierExpiry() {}

  /** The end after buying {@code days} more: max(end if in force, now) + days. */
  public static OffsetDateTime extended(
      boolean active, OffsetDateTime expiresAt, OffsetDateTime now, int days) {
    boolean inForce = active && expiresAt != null && expiresAt.isAfter(now);
    return (inForce ? expiresAt : now).plusDays(days);
  }

  /** The end after a refund of {@code days}: end - days, not before now, not after the end. */
  public static OffsetDateTime shortened(OffsetDateTime expiresAt, OffsetDateTime now, int days) {
    OffsetDateTime earlier = expiresAt.minusDays(days);
    if (!expiresAt.isAfter(now)) {
      return expiresAt;
    }
    return earlier.isAfter(now) ? earlier : now;
  }
}
