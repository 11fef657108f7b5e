package com.lumiku.generations.entity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a generation, or one of its jobs, is in its life. A generation ends {@code completed}
 * (every job done), {@code partial} (some jobs failed, each refunded), {@code failed} or {@code
 * canceled}; a job never is {@code partial}. The terminal statuses never change again; the only
 * ways from one status to another are the {@link GenerationTransition}s and {@link JobTransition}s.
 */
public enum GenerationStatus {
  PENDING,
  PROCESSING,
  COMPLETED,
  PARTIAL,
  FAILED,
  CANCELED;

  /** Ended: nothing changes it again. */
  public boolean isTerminal() {
    return this != PENDING && this != PROCESSING;
  }

  /** Whether a job that ended this way gets its credits back: failed or canceled. */
  public boolean isRefundable() {
    return this == FAILED || this == CANCELED;
  }

  /** The statuses a generation in this one may become, through one transition. */
  public Set<GenerationStatus> next() {
    Set<GenerationStatus> next = EnumSet.noneOf(GenerationStatus.class);
    for (GenerationTransition transition : GenerationTransition.values()) {
      if (transition.from().contains(this)) {
        next.addAll(transition.to());
      }
    }
    return next;
  }

  /**
   * What a generation becomes once all its jobs have ended: completed if none failed, failed if
   * none completed, partial otherwise.
   */
  public static GenerationStatus ended(int completed, int failed) {
    if (failed == 0) {
      return COMPLETED;
    }
    return completed == 0 ? FAILED : PARTIAL;
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
