package com.lumiku.generations.entity;

import static com.lumiku.generations.entity.GenerationStatus.CANCELED;
import static com.lumiku.generations.entity.GenerationStatus.COMPLETED;
import static com.lumiku.generations.entity.GenerationStatus.FAILED;
import static com.lumiku.generations.entity.GenerationStatus.PARTIAL;
import static com.lumiku.generations.entity.GenerationStatus.PENDING;
import static com.lumiku.generations.entity.GenerationStatus.PROCESSING;

import java.util.EnumSet;
import java.util.Set;

/**
 * The only ways a generation's status changes, each applied as one conditional {@code UPDATE} on
 * the statuses it starts from (see {@code StatusChanges}): of two actors racing for the same
 * generation (a redelivered message, a cancel, the sweeper, another instance) exactly one wins. A
 * generation follows its jobs ({@link JobTransition}): it starts with the first, and ends when the
 * last one has ended.
 */
public enum GenerationTransition {

  /** A worker takes one of its jobs. */
  START(EnumSet.of(PROCESSING), PENDING, PROCESSING),

  /** Its last job ended: completed, partial or failed, by how many of its jobs failed. */
  END(EnumSet.of(COMPLETED, PARTIAL, FAILED), PENDING, PROCESSING),

  /** Its owner took it back before any job started; every job is canceled and refunded. */
  CANCEL(EnumSet.of(CANCELED), PENDING);

  private final Set<GenerationStatus> to;
  private final Set<GenerationStatus> from;

  GenerationTransition(Set<GenerationStatus> to, GenerationStatus first, GenerationStatus... more) {
    this.to = to;
    this.from = EnumSet.of(first, more);
  }

  /** The statuses this transition may end in. */
  public Set<GenerationStatus> to() {
    return EnumSet.copyOf(to);
  }

  /** The statuses this transition starts from. */
  public Set<GenerationStatus> from() {
    return EnumSet.copyOf(from);
  }

  public boolean appliesTo(GenerationStatus current) {
    return from.contains(current);
  }
}
