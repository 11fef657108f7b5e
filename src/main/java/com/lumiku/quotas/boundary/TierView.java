package com.lumiku.quotas.boundary;

import com.lumiku.platform.UtcClock;
import com.lumiku.quotas.control.Quotas;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;

/**
 * A quota tier as the API shows it: whether it pays for orders now ({@code inForce}), the daily
 * quota, what is used and left today, when today's quota resets and when the tier expires.
 */
@JsonbPropertyOrder({
  "app",
  "inForce",
  "active",
  "dailyQuota",
  "usedToday",
  "remainingToday",
  "resetsAt",
  "expiresAt"
})
public record TierView(
    String app,
    boolean inForce,
    boolean active,
    int dailyQuota,
    int usedToday,
    int remainingToday,
    OffsetDateTime resetsAt,
    OffsetDateTime expiresAt) {

  static TierView of(Quotas.Tier tier) {
    return new TierView(
        tier.app(),
        tier.inForce(UtcClock.now()),
        tier.active(),
        tier.dailyQuota(),
        tier.usedToday(),
        tier.remainingToday(),
        tier.resetsAt(),
        tier.expiresAt());
  }
}
