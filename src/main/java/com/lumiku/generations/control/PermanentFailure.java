package com.lumiku.generations.control;

import com.lumiku.generations.entity.GenerationError;

/**
 * A failure that trying again cannot cure (content the model refuses, a request it cannot do,
 * credentials it rejects): the generation fails and is refunded at once, and its message is
 * acknowledged.
 */
public final class PermanentFailure extends JobFailure {

  private static final long serialVersionUID = 1L;

  /**
   * @param code a stable code, e.g. {@code refused}
   * @param message what the user may read, e.g. "The model refused this prompt."
   * @param detail what operators need: the provider's answer, the exception
   */
  public PermanentFailure(String code, String message, String detail, Throwable cause) {
    super(new GenerationError(code, message, detail), cause);
  }
}
