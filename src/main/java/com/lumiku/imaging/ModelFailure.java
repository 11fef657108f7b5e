package com.lumiku.imaging;

/**
 * A model call that failed. {@link #isPermanent() Permanent} failures (bad input, content refused,
 * bad credentials) will fail again however often they are retried: the generation fails and is
 * refunded at once. Others (timeouts, 429, 503 "model loading", refused connections) are retried by
 * the broker after its back-off.
 */
public class ModelFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  private ModelFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** A failure worth retrying later. */
  public static ModelFailure transientFailure(String message, Throwable cause) {
    return new ModelFailure(message, false, cause);
  }

  /** A failure that retrying cannot cure. */
  public static ModelFailure permanentFailure(String message, Throwable cause) {
    return new ModelFailure(message, true, cause);
  }

  public boolean isPermanent() {
    return permanent;
  }
}
