package com.lumiku.users.control;

import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;

/** 409: an account with this email address exists already. */
public class EmailTaken extends ProblemException {

  private static final long serialVersionUID = 1L;

  public EmailTaken() {
    super(Problem.of(409, "Email Taken", "An account with this email address exists already."));
  }
}
