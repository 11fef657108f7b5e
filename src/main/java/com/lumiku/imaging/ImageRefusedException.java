package com.lumiku.imaging;

/**
 * An uploaded picture that {@link ImageUploads} will not store, with a stable {@link Reason} for
 * programs and a short sentence for the person who uploaded it. The sentence is written for the
 * user (it may quote the limits, never the decoder's words), so the HTTP layer can answer 400 with
 * it as the problem's detail; a decoder failure, if any, is the cause, for the log.
 *
 * <p>Checked, because every caller holds untrusted bytes and must decide what a refusal becomes.
 * Refusals are expected traffic: no stack trace is recorded.
 */
public final class ImageRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a picture was refused; {@link #code()} is what the API reports. */
  public enum Reason {
    /** No bytes at all. */
    EMPTY("empty"),
    /** More bytes than the limit (checked before anything is decoded). */
    TOO_LARGE("too-large"),
    /** Not PNG, JPEG or WebP by its first bytes (GIF, SVG, HTML, archives, ...). */
    UNSUPPORTED_FORMAT("unsupported-format"),
    /** Claims a supported format but cannot be read: damaged, truncated or an unusual variant. */
    CORRUPT("corrupt"),
    /** Narrower or lower than the minimum. */
    TOO_SMALL("too-small"),
    /** Wider or higher than the maximum. */
    DIMENSIONS_TOO_LARGE("dimensions-too-large"),
    /** More pixels than the limit, whatever its sides (a decompression bomb, for instance). */
    TOO_MANY_PIXELS("too-many-pixels"),
    /** Not checked now: as many uploads as memory allows are being decoded; try again soon. */
    BUSY("busy");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private final Reason reason;

  ImageRefusedException(Reason reason, String sentence, Throwable cause) {
    super(sentence, cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** The sentence for the user, e.g. "The picture must be at least 64 x 64 pixels." */
  public String sentence() {
    return getMessage();
  }
}
