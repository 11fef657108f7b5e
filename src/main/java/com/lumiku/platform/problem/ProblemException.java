package com.lumiku.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can understand and act on. It leaves the API as its {@link Problem}, and as
 * a runtime exception it rolls back the transaction it is thrown in, so nothing is charged, stored
 * or queued.
 */
public class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  /** A problem whose answer also carries these header fields (e.g. a 429's Retry-After). */
  protected ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** 404, also for what exists but belongs to somebody else. */
  public static ProblemException notFound(String what) {
    return new ProblemException(Problem.of(404, "Not Found", what + " was not found."));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }

  /** 400 naming each invalid field of the request, as a failed bean validation does. */
  public static ProblemException invalid(List<Problem.FieldError> errors) {
    return new ProblemException(Problem.invalid(errors));
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(Problem.of(400, "Bad Request", detail));
  }

  public static ProblemException unauthorized(String detail) {
    return new ProblemException(Problem.of(401, "Unauthorized", detail));
  }
}
