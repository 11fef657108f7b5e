package com.lumiku.platform.idempotency;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.Sha256;
import com.lumiku.platform.problem.ProblemException;
import jakarta.json.bind.JsonbException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The rules of an {@code Idempotency-Key}: what a key may be, and what makes two requests the same
 * request (the SHA-256 of the request as JSON: its route and its body, so the same key with another
 * body is told apart).
 */
final class IdempotencyKey {

  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private IdempotencyKey() {}

  /**
   * @throws ProblemException 400 unless the key is 1 to 255 visible ASCII characters
   */
  static void requireValid(String key) {
    if (!VALID.matcher(key).matches()) {
      throw ProblemException.badRequest(
          "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.");
    }
  }

  /** The request's fingerprint: equal for equal requests, different for different ones. */
  static String fingerprint(Object request) {
    return HexFormat.of().formatHex(Sha256.of(json(request)));
  }

  /** A value as JSON (JSON-B), e.g. the answer stored for a replay. */
  static String json(Object value) {
    try {
      return JsonDocuments.toJson(value);
    } catch (JsonbException e) {
      throw new IllegalStateException("Cannot write " + value.getClass() + " as JSON", e);
    }
  }
}
