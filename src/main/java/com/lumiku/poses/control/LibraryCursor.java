package com.lumiku.poses.control;

import com.lumiku.platform.PageCursor;
import com.lumiku.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a library listing: the order it was listed in, and the sort value and id of the
 * last pose seen. Clients get it as an opaque string and hand it back for the next page.
 */
public record LibraryCursor(LibrarySort sort, String value, UUID id) {

  public String encode() {
    String plain = sort.code() + "|" + value + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor a client sent back for a listing in this order; null for none.
   *
   * @throws ProblemException 400 if it is not one this API made for this order
   */
  public static LibraryCursor decode(String cursor, LibrarySort sort) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      if (cursor.length() > PageCursor.LONGEST) {
        throw new IllegalArgumentException("longer than any cursor this API makes");
      }
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
      LibraryCursor decoded =
          new LibraryCursor(
              LibrarySort.parseOrDefault(parts[0]), parts[1], UUID.fromString(parts[2]));
      if (decoded.sort() != sort) {
        throw new IllegalArgumentException("made for another order");
      }
      decoded.sort().parse(decoded.value());
      return decoded;
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "The cursor is not valid for this listing; use the nextCursor of a previous page.");
    }
  }
}
