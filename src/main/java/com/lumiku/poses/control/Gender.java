package com.lumiku.poses.control;

import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.problem.ProblemException;

/**
 * Who a pose suits: anyone, or one gender more than the other. Filtering by a gender also finds the
 * poses that suit anyone.
 */
public enum Gender {
  ANY,
  FEMALE,
  MALE;

  public String code() {
    return Choice.code(this);
  }

  /**
   * The gender a client asked for; null for none.
   *
   * @throws ProblemException 400 for an unknown one
   */
  public static Gender parse(String code) {
    return Choice.parse(Gender.class, "gender", code);
  }
}
