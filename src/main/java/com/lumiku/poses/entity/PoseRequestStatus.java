package com.lumiku.poses.entity;

import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.problem.ProblemException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a pose request is in its life, and the only ways it moves on: operators accept or reject a
 * pending request, complete (with the library pose that fulfils it) or reject an accepted one;
 * {@code rejected} and {@code completed} are terminal. Users vote only while a request is open
 * (pending or accepted). Each change is applied as a conditional update on the status it starts
 * from, so of two operators deciding at once exactly one wins.
 */
public enum PoseRequestStatus {
  PENDING,
  ACCEPTED,
  REJECTED,
  COMPLETED;

  /** The statuses a request in this one may become. */
  public Set<PoseRequestStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(ACCEPTED, REJECTED);
      case ACCEPTED -> EnumSet.of(COMPLETED, REJECTED);
      case REJECTED, COMPLETED -> EnumSet.noneOf(PoseRequestStatus.class);
    };
  }

  public boolean canBecome(PoseRequestStatus target) {
    return next().contains(target);
  }

  /** Nothing changes it again. */
  public boolean isTerminal() {
    return next().isEmpty();
  }

  /** Users may vote for it, or withdraw their vote: pending or accepted. */
  public boolean isOpen() {
    return this == PENDING || this == ACCEPTED;
  }

  /** The lower-case name used in the database and the API. */
  public String code() {
    return Choice.code(this);
  }

  /**
   * The status of a stored code.
   *
   * @throws IllegalArgumentException for an unknown one
   */
  public static PoseRequestStatus ofCode(String code) {
    for (PoseRequestStatus status : values()) {
      if (status.code().equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("Unknown pose request status: " + code);
  }

  /**
   * The status a client named in {@code field}; null for none.
   *
   * @throws ProblemException 400 for an unknown one
   */
  public static PoseRequestStatus parse(String field, String code) {
    return Choice.parse(PoseRequestStatus.class, field, code);
  }
}
