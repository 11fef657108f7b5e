package com.lumiku.generations.control;

import com.lumiku.generations.entity.GenerationError;

/**
 * A failure worth trying again later (a model that is loading, a rate limit, a timeout, a host that
 * cannot be reached): the worker's transaction rolls back and the broker redelivers the message
 * after its back-off, or dead-letters it after the last attempt.
 */
public final class TransientFailure extends JobFailure {

  private static final long serialVersionUID = 1L;

  /**
   * @param code a stable code, e.g. {@code model-busy}
   * @param message what the user may read, e.g. "The image service is busy."
   * @param detail what operators need: the provider's answer, the exception
   */
  public TransientFailure(String code, String message, String detail, Throwable cause) {
    super(new GenerationError(code, message, detail), cause);
  }
}
