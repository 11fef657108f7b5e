package com.lumiku.generations.entity;

import com.lumiku.platform.Texts;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Why a generation failed, or why its last attempt did, in three parts: a stable {@code code} a
 * client may branch on, a short {@code message} safe to show its owner, and the {@code detail} for
 * operators (exception text, the provider's answer), which only admins and the server log see.
 * Codes of the engine are below; apps and model providers add their own.
 */
public record GenerationError(String code, String message, String detail) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MESSAGE_LENGTH = 500;
  private static final int DETAIL_LENGTH = 4000;

  public GenerationError {
    if (code == null || !CODE.matcher(code).matches() || code.length() > 40) {
      throw new IllegalArgumentException("Not an error code: " + code);
    }
    message =
        abbreviate(message == null || message.isBlank() ? "It failed." : message, MESSAGE_LENGTH);
    detail = detail == null ? null : abbreviate(detail, DETAIL_LENGTH);
  }

  /** A failure nobody foresaw (a bug, an outage mid-work): the detail says what it was. */
  public static GenerationError unexpected(String detail) {
    return new GenerationError("error", "Something went wrong while doing this.", detail);
  }

  /** The job type has no worker here: a deployment without the app that ordered it. */
  public static GenerationError unknownType(String type) {
    return new GenerationError(
        "unsupported", "This kind of work cannot be done now.", "No job does type " + type);
  }

  /** The dead-letter consumer's verdict: every attempt failed, the last one for this reason. */
  public static GenerationError gaveUp(int attempts, GenerationError last) {
    if (attempts == 0) {
      return new GenerationError(
          "gave-up", "It could not be started in time.", "Dead-lettered before any attempt");
    }
    String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
    return new GenerationError(
        "gave-up",
        "Gave up after " + tries + (last == null ? "." : ". " + last.message()),
        last == null ? "Dead-lettered after " + tries : last.detail());
  }

  /** The sweeper's verdict: no change within the deadline. */
  public static GenerationError timedOut(Duration deadline) {
    return new GenerationError(
        "timed-out",
        "No result within " + describe(deadline) + "; your credits were refunded.",
        "Pending or processing without change for " + deadline);
  }

  /** A batch whose jobs partly failed: how many, of how many; each failed one was refunded. */
  public static GenerationError partial(int failed, int total) {
    return new GenerationError(
        "partial", failed + " of " + total + " parts failed; their credits were refunded.", null);
  }

  public static GenerationError canceled() {
    return new GenerationError("canceled", "Canceled by the user.", null);
  }

  private static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " minutes" : seconds + " seconds";
  }

  private static String abbreviate(String text, int length) {
    return Texts.abbreviate(text.strip(), length);
  }
}
