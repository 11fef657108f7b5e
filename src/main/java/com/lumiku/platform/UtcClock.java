package com.lumiku.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The current time as the database keeps it: UTC, to the microsecond. Times made here compare equal
 * to what is read back, which keeps pagination cursors exact.
 */
public final class UtcClock {

  private UtcClock() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
