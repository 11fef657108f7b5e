package com.lumiku.generations.control;

import com.lumiku.generations.entity.GenerationError;

/**
 * A job that could not do its work, and says why in words its owner may read ({@link #error()}).
 * Jobs, apps and model providers throw one of the two kinds: {@link TransientFailure} (try again
 * later) or {@link PermanentFailure} (trying again cannot help). Anything else a job throws counts
 * as transient, with a generic message.
 */
public abstract sealed class JobFailure extends RuntimeException
    permits TransientFailure, PermanentFailure {

  private static final long serialVersionUID = 1L;

  private final transient GenerationError error;

  JobFailure(GenerationError error, Throwable cause) {
    super(error.detail() == null ? error.message() : error.detail(), cause);
    this.error = error;
  }

  /** The code, the message for the user and the detail for operators. */
  public GenerationError error() {
    return error;
  }
}
