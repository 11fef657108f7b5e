package com.lumiku.generations.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The only ways a generation's status changes. Each is applied as one conditional {@code UPDATE} on
 * the statuses it starts from (see {@code StatusChanges}), so of two actors racing for the same
 * generation (a redelivered message, a cancel, the sweeper, another instance) exactly one wins.
 */
public enum GenerationTransition {

  /** A worker takes it; a redelivered message after a failed attempt takes it again. */
  START(GenerationStatus.PROCESSING, GenerationStatus.PENDING, GenerationStatus.PROCESSING),

  /** The work is done and its result stored, in the worker's transaction. */
  COMPLETE(GenerationStatus.COMPLETED, GenerationStatus.PROCESSING),

  /** It cannot succeed: refused, out of attempts, or stuck past its deadline. Refunded. */
  FAIL(GenerationStatus.FAILED, GenerationStatus.PENDING, GenerationStatus.PROCESSING),

  /** Its owner took it back before any worker started it. Refunded. */
  CANCEL(GenerationStatus.CANCELED, GenerationStatus.PENDING);

  private final GenerationStatus to;
  private final Set<GenerationStatus> from;

  GenerationTransition(GenerationStatus to, GenerationStatus first, GenerationStatus... more) {
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

  /** Whether a generation in this status may take this transition. */
  public boolean appliesTo(GenerationStatus current) {
    return from.contains(current);
  }
}
