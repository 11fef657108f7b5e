package com.lumiku.quotas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The days quotas count in: dates in the configured zone ({@code lumiku.quotas.time-zone}, Asia/
 * Jakarta by default), so a quota resets at that zone's midnight wherever the servers run.
 */
@ApplicationScoped
public class QuotaDays {

  @Inject
  @ConfigProperty(name = "lumiku.quotas.time-zone")
  ZoneId zone;

  Clock clock = Clock.systemUTC();

  /** Today in the quotas' zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /** When today's quota resets: the next midnight in the quotas' zone. */
  public OffsetDateTime nextReset() {
    return today().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
  }
}
