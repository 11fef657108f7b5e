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

  /**
   * A {@code timestamptz} value of a native query's row, as the driver hands it over (a {@code
   * Timestamp} or an {@code OffsetDateTime}), in UTC; null stays null.
   */
  public static OffsetDateTime toOffset(Object value) {
    if (value == null || value instanceof OffsetDateTime) {
      return (OffsetDateTime) value;
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
  }

  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
