package com.lumiku.poses.control;

import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.problem.ProblemException;

/** How hard a pose is to hold. */
public enum Difficulty {
  BEGINNER,
  INTERMEDIATE,
  ADVANCED;

  public String code() {
    return Choice.code(this);
  }

  /**
   * The difficulty a client asked for; null for none.
   *
   * @throws ProblemException 400 for an unknown one
   */
  public static Difficulty parse(String code) {
    return Choice.parse(Difficulty.class, "difficulty", code);
  }
}
