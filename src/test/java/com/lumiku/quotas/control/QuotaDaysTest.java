package com.lumiku.quotas.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuotaDaysTest {

  @Test
  void aDayEndsAtMidnightInTheConfiguredZoneNotInUtc() {
    QuotaDays days = at("2026-12-01T16:59:59Z", "Asia/Jakarta");

    assertThat(days.today()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(days.nextReset())
        .isEqualTo(OffsetDateTime.of(2026, 12, 2, 0, 0, 0, 0, ZoneOffset.ofHours(7)));
    assertThat(at("2026-12-01T17:00:00Z", "Asia/Jakarta").today())
        .isEqualTo(LocalDate.of(2026, 12, 2));
  }

  @Test
  void anotherZoneHasAnotherDay() {
    assertThat(at("2026-12-01T16:59:59Z", "UTC").today()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(at("2026-12-01T23:30:00Z", "Asia/Jakarta").today())
        .isEqualTo(LocalDate.of(2026, 12, 2));
  }

  private static QuotaDays at(String instant, String zone) {
    QuotaDays days = new QuotaDays();
    days.zone = ZoneId.of(zone);
    days.clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    return days;
  }
}
