package com.lumiku.generations.entity;

import java.util.Locale;

/** Where a generation is in its life. The last three are terminal: nothing changes them again. */
public enum GenerationStatus {
  PENDING,
  PROCESSING,
  COMPLETED,
  FAILED,
  CANCELED;

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == CANCELED;
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
