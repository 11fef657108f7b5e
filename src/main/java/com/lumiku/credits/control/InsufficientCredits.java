package com.lumiku.credits.control;

import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;

/** 402: the balance does not cover the cost; nothing was charged. */
public class InsufficientCredits extends ProblemException {

  private static final long serialVersionUID = 1L;

  public InsufficientCredits(long needed, long balance) {
    super(
        Problem.of(
            402,
            "Insufficient Credits",
            "This needs " + needed + " credits and your balance is " + balance + "."));
  }
}
