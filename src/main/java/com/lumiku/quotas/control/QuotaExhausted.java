package com.lumiku.quotas.control;

import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;

/**
 * 402 of its own type ({@code quota-exhausted}): the order was to be paid with a quota tier, and
 * the tier has not enough left today (or has expired); nothing was charged. Clients may repeat the
 * order allowing credits instead.
 */
public class QuotaExhausted extends ProblemException {

  private static final long serialVersionUID = 1L;

  public QuotaExhausted(int units) {
    super(
        Problem.of(
            402,
            "Quota Exhausted",
            "Your daily quota does not cover "
                + units
                + (units == 1 ? " more" : " more units")
                + " today (or your tier has expired); order again allowing credits, or wait for"
                + " the quota to reset."));
  }
}
