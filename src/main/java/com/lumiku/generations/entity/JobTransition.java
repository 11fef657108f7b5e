package com.lumiku.generations.entity;

import static com.lumiku.generations.entity.GenerationStatus.CANCELED;
import static com.lumiku.generations.entity.GenerationStatus.COMPLETED;
import static com.lumiku.generations.entity.GenerationStatus.FAILED;
import static com.lumiku.generations.entity.GenerationStatus.PENDING;
import static com.lumiku.generations.entity.GenerationStatus.PROCESSING;

import java.util.EnumSet;
import java.util.Set;

/**
 * The only ways a job's status changes, each one conditional {@code UPDATE} on the statuses it
 * starts from (see {@code StatusChanges}), taken while holding the job's generation: a redelivered
 * message, a cancel, the sweeper and another instance can never both move the same job.
 */
public enum JobTransition {

  /** A worker takes it; a redelivered message after a failed attempt takes it again. */
  START(PROCESSING, PENDING, PROCESSING),

  /** The work is done and its result stored, in the worker's transaction. */
  COMPLETE(COMPLETED, PROCESSING),

  /** It cannot succeed: refused, out of attempts, or stuck past its deadline. Refunded. */
  FAIL(FAILED, PENDING, PROCESSING),

  /** Its generation was canceled before any job started. Refunded. */
  CANCEL(CANCELED, PENDING);

  private final GenerationStatus to;
  private final Set<GenerationStatus> from;

  JobTransition(GenerationStatus to, GenerationStatus first, GenerationStatus... more) {
    this.to = to;
    this.from = EnumSet.of(first, more);
  }

  public GenerationStatus to() {
    return to;
  }

  /** The statuses this transition starts from. */
  public Set<GenerationStatus> from() {
    return EnumSet.copyOf(from);
  }

  public boolean appliesTo(GenerationStatus current) {
    return from.contains(current);
  }
}
