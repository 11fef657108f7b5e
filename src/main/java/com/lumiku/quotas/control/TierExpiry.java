package com.lumiku.quotas.control;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What a tier becomes when a plan is bought or refunded: its end and its daily quota.
 *
 * <p>Buying adds the plan's days to what is left of a tier in force, or to now (a lapsed or revoked
 * tier does not pass on its old end); the extension covers [its new end - days, its new end]. A
 * tier in force keeps the larger of its daily quota and the plan's (a plan never lowers what a
 * bigger grant gives); a tier not in force takes the plan's.
 *
 * <p>A refund takes back only what is still unused of that payment's own extension: the part of its
 * interval after now. A tier is used from the front, so that part is taken off the tier's end,
 * whoever gave the rest of the tier; never into the past, and never from a tier not in force
 * (nothing of it is being used). The quota the extension raised goes back to what it was only when
 * nothing else has changed it since and the tier is still in force; otherwise it stays.
 */
public final class TierExpiry {

  private TierExpiry() {}

  /** The end after buying {@code days} more: max(end if in force, now) + days. */
  public static OffsetDateTime extended(
      boolean active, OffsetDateTime expiresAt, OffsetDateTime now, int days) {
    return (inForce(active, expiresAt, now) ? expiresAt : now).plusDays(days);
  }

  /** The daily quota after buying a plan of {@code planQuota} a day. */
  public static int extendedQuota(boolean inForce, int dailyQuota, int planQuota) {
    return inForce ? Math.max(dailyQuota, planQuota) : planQuota;
  }

  /**
   * The end after refunding the extension of {@code days} that ended at {@code boughtUntil}: the
   * tier's end less the part of [boughtUntil - days, boughtUntil] after now, not before now; an
   * ended or revoked tier keeps its end.
   */
  public static OffsetDateTime shortened(
      boolean active,
      OffsetDateTime expiresAt,
      OffsetDateTime now,
      OffsetDateTime boughtUntil,
      int days) {
    if (!inForce(active, expiresAt, now)) {
      return expiresAt;
    }
    OffsetDateTime boughtFrom = boughtUntil.minusDays(days);
    OffsetDateTime unusedFrom = boughtFrom.isAfter(now) ? boughtFrom : now;
    Duration unused =
        boughtUntil.isAfter(unusedFrom) ? Duration.between(unusedFrom, boughtUntil) : Duration.ZERO;
    OffsetDateTime earlier = expiresAt.minus(unused);
    return earlier.isAfter(now) ? earlier : now;
  }

  /**
   * The daily quota after a refund: the quota before the refunded extension ({@code before}; null
   * if the tier was not in force then), or what other unrefunded extensions not yet over give
   * ({@code othersQuota}, 0 for none) if that is more, but only if the tier is {@code stillInForce}
   * and its quota is still the one the extension set ({@code setByExtension}); never more than now.
   */
  public static int refundedQuota(
      boolean stillInForce, int dailyQuota, Integer before, int setByExtension, int othersQuota) {
    if (before == null || !stillInForce || dailyQuota != setByExtension) {
      return dailyQuota;
    }
    return Math.min(dailyQuota, Math.max(before, othersQuota));
  }

  private static boolean inForce(boolean active, OffsetDateTime expiresAt, OffsetDateTime now) {
    return active && expiresAt != null && expiresAt.isAfter(now);
  }
}
