package com.lumiku.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TierExpiryTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2025-03-01T10:00:00Z");

  @Test
  void buyingAddsToATierInForce() {
    OffsetDateTime end = NOW.plusDays(10);
    assertThat(TierExpiry.extended(true, end, NOW, 30)).isEqualTo(end.plusDays(30));
  }

  @Test
  void buyingAfterTheTierLapsedOrWasRevokedStartsNow() {
    assertThat(TierExpiry.extended(true, NOW.minusDays(3), NOW, 30)).isEqualTo(NOW.plusDays(30));
    assertThat(TierExpiry.extended(true, NOW, NOW, 30)).isEqualTo(NOW.plusDays(30));
    assertThat(TierExpiry.extended(false, NOW.plusDays(10), NOW, 30)).isEqualTo(NOW.plusDays(30));
    assertThat(TierExpiry.extended(false, null, NOW, 30)).isEqualTo(NOW.plusDays(30));
  }

  @Test
  void aPlanNeverLowersTheQuotaOfATierInForce() {
    assertThat(TierExpiry.extendedQuota(true, 500, 100)).isEqualTo(500);
    assertThat(TierExpiry.extendedQuota(true, 50, 100)).isEqualTo(100);
    assertThat(TierExpiry.extendedQuota(false, 500, 100)).isEqualTo(100);
  }

  @Test
  void aRefundOfAnExtensionNotStartedYetTakesAllItsDays() {
    // Bought second: it covers [now + 30 days, now + 60 days].
    OffsetDateTime end = NOW.plusDays(60);
    assertThat(TierExpiry.shortened(true, end, NOW, end, 30)).isEqualTo(NOW.plusDays(30));
  }

  @Test
  void aRefundTakesOnlyTheUnusedPartOfItsOwnExtension() {
    // Bought ten days ago for 30 days; an admin's grant since made the tier end in a year.
    OffsetDateTime boughtUntil = NOW.plusDays(20);
    OffsetDateTime end = NOW.plusDays(365);
    assertThat(TierExpiry.shortened(true, end, NOW, boughtUntil, 30)).isEqualTo(NOW.plusDays(345));
    // Its days are over: nothing of the tier goes, whatever else gave it.
    assertThat(TierExpiry.shortened(true, end, NOW, NOW.minusDays(5), 30)).isEqualTo(end);
    assertThat(TierExpiry.shortened(true, end, NOW, NOW, 30)).isEqualTo(end);
  }

  @Test
  void aRefundNeverTakesTheTierIntoThePast() {
    // An admin shortened the tier to end in 3 days; 20 days of the plan are unused.
    assertThat(TierExpiry.shortened(true, NOW.plusDays(3), NOW, NOW.plusDays(20), 30))
        .isEqualTo(NOW);
  }

  @Test
  void aRefundNeverChangesATierNotInForce() {
    OffsetDateTime ended = NOW.minusDays(2);
    assertThat(TierExpiry.shortened(true, ended, NOW, NOW.plusDays(20), 30)).isEqualTo(ended);
    OffsetDateTime revoked = NOW.plusDays(20);
    assertThat(TierExpiry.shortened(false, revoked, NOW, revoked, 30)).isEqualTo(revoked);
  }

  @Test
  void aRefundNeverLengthensATier() {
    for (int daysAgo = -40; daysAgo <= 40; daysAgo += 5) {
      OffsetDateTime boughtUntil = NOW.plusDays(30 - daysAgo);
      for (int left = 0; left <= 70; left += 7) {
        OffsetDateTime end = NOW.plusDays(left);
        OffsetDateTime after = TierExpiry.shortened(true, end, NOW, boughtUntil, 30);
        assertThat(after).isBetween(NOW, end);
      }
    }
  }

  @Test
  void aRefundRestoresTheQuotaOnlyIfNothingElseChangedIt() {
    // The plan raised 50 to 100; the tier is still in force from another grant.
    assertThat(TierExpiry.refundedQuota(true, 100, 50, 100, 0)).isEqualTo(50);
    // Another unrefunded plan, not over yet, still gives 100.
    assertThat(TierExpiry.refundedQuota(true, 100, 50, 100, 100)).isEqualTo(100);
    assertThat(TierExpiry.refundedQuota(true, 100, 50, 100, 70)).isEqualTo(70);
    // An admin set another quota since: it stays.
    assertThat(TierExpiry.refundedQuota(true, 300, 50, 100, 0)).isEqualTo(300);
    // The refund ended the tier, or it was not in force when bought: the quota stays.
    assertThat(TierExpiry.refundedQuota(false, 100, 50, 100, 0)).isEqualTo(100);
    assertThat(TierExpiry.refundedQuota(true, 100, null, 100, 0)).isEqualTo(100);
    // A bigger quota the plan did not raise stays.
    assertThat(TierExpiry.refundedQuota(true, 500, 500, 500, 0)).isEqualTo(500);
  }
}
