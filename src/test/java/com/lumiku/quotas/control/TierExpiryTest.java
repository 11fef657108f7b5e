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
  void aRefundTakesTheDaysOffButNeverIntoThePast() {
    assertThat(TierExpiry.shortened(NOW.plusDays(60), NOW, 30)).isEqualTo(NOW.plusDays(30));
    assertThat(TierExpiry.shortened(NOW.plusDays(10), NOW, 30)).isEqualTo(NOW);
  }

  @Test
  void aRefundNeverLengthensAnEndedTier() {
    OffsetDateTime ended = NOW.minusDays(2);
    assertThat(TierExpiry.shortened(ended, NOW, 30)).isEqualTo(ended);
  }
}
