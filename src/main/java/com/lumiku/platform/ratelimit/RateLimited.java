package com.lumiku.platform.ratelimit;

import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import java.util.Map;

/**
 * 429: a limit refused the request. It carries {@code Retry-After} (whole seconds until the next
 * request would pass) and the IETF draft's {@code RateLimit-Policy} and {@code RateLimit} fields.
 * Thrown before anything is charged or stored, and as a runtime exception it rolls back whatever
 * transaction it crosses.
 */
public class RateLimited extends ProblemException {

  private static final long serialVersionUID = 1L;

  RateLimited(RateLimitPolicy policy, long retryAfterSeconds) {
    super(
        Problem.of(
            429,
            "Too Many Requests",
            "Too many requests of this kind ("
                + policy.name()
                + ": "
                + policy.refill()
                + " per "
                + policy.period()
                + ", up to "
                + policy.capacity()
                + " at once); try again in "
                + retryAfterSeconds
                + " s."),
        Map.of(
            "Retry-After",
            String.valueOf(retryAfterSeconds),
            "RateLimit-Policy",
            policy.policyHeader(),
            "RateLimit",
            "\"" + policy.name() + "\";r=0;t=" + retryAfterSeconds));
  }
}
