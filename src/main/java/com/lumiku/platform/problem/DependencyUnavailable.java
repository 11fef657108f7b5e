package com.lumiku.platform.problem;

/**
 * A service the request needs failed (the image store's bucket, say): the request is answered 503,
 * like a database or broker failure, and its transaction rolls back, so the caller may retry.
 */
public class DependencyUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param what what failed, for the log (never shown to users)
   */
  public DependencyUnavailable(String what, Throwable cause) {
    super(what, cause);
  }
}
