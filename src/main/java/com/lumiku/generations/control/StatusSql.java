package com.lumiku.generations.control;

import com.lumiku.generations.entity.GenerationStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Status conditions for native SQL, made from the enum (never written by hand), as literals: so
 * that PostgreSQL matches its partial indexes on live and pending generations, which a bound
 * parameter would hide from a generic plan. The codes are the enum's own constants, never input.
 */
final class StatusSql {

  /** The statuses whose generations are refunded: failed and canceled. */
  static final Set<GenerationStatus> REFUNDABLE =
      Arrays.stream(GenerationStatus.values())
          .filter(GenerationStatus::isRefundable)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(GenerationStatus.class)));

  private StatusSql() {}

  /** {@code <column> IN ('pending', ...)}, in the enum's order. */
  static String in(String column, Set<GenerationStatus> statuses) {
    return EnumSet.copyOf(statuses).stream()
        .map(status -> "'" + status.code() + "'")
        .collect(Collectors.joining(", ", column + " IN (", ")"));
  }

  /** {@code status IN ('pending', ...)}. */
  static String in(Set<GenerationStatus> statuses) {
    return in("status", statuses);
  }
}
