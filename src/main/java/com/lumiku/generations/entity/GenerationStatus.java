package com.lumiku.generations.entity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a generation is in its life. The last three are terminal: nothing changes them again. The
 * only ways from one status to another are the {@link GenerationTransition}s.
 */
public enum GenerationStatus {
  PENDING,
  PROCESSING,
  COMPLETED,
  FAILED,
  CANCELED;

  public boolean isTerminal() {
    return next().isEmpty();
  }

  /** Whether a generation that ended this way gets its credits back: failed or canceled. */
  public boolean isRefundable() {
    return isTerminal() && this != COMPLETED;
  }

  /** The statuses this one may become, through one transition. */
  public Set<GenerationStatus> next() {
    Set<GenerationStatus> next = EnumSet.noneOf(GenerationStatus.class);
    for (GenerationTransition transition : GenerationTransition.values()) {
      if (transition.from().contains(this)) {
        next.add(transition.to());
      }
    }
    return next;
  }

  /** The lower-case name used in the database and the API. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status of a lower-case code.
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public static GenerationStatus ofCode(String code) {
    for (GenerationStatus status : values()) {
      if (status.code().equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown generation status: " + code);
  }
}
