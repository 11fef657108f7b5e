package com.lumiku.generations.entity;

import java.util.Locale;

/**
 * Who ended a generation, stored next to its terminal status ({@code generations.ended_by}): the
 * figures of the workers and of the dead-letter consumer are counted from it, never from the text
 * of an error message.
 */
public enum EndedBy {
  /** Its worker: completed, or failed for good (refused, unknown job type). */
  WORKER,
  /** The dead-letter consumer, after the last attempt failed or the message expired. */
  DEAD_LETTER,
  /** The stuck-generation sweeper, at the deadline. */
  SWEEPER,
  /** Its owner canceled it while pending. */
  CANCEL;

  /** The value in the database: lower case, {@code -} for {@code _}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static EndedBy ofCode(String code) {
    for (EndedBy endedBy : values()) {
      if (endedBy.code().equals(code)) {
        return endedBy;
      }
    }
    throw new IllegalArgumentException("Unknown ended_by: " + code);
  }
}
