package com.lumiku.poses.control;

import com.lumiku.platform.PageCursor;
import com.lumiku.platform.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A position in a listing of pose requests: the order it was listed in, and the vote count,
 * creation time and id of the last request seen (the vote count only matters to the votes order).
 * Clients get it as an opaque string, {@code <order>.<votes>.<position>} with the position encoded
 * as a {@link PageCursor}, and hand it back for the next page.
 */
public record RequestCursor(RequestSort sort, long votes, OffsetDateTime createdAt, UUID id) {

  public String encode() {
    return sort.code() + "." + votes + "." + new PageCursor(createdAt, id).encode();
  }

  /**
   * The cursor a client sent back for a listing in this order; null for none.
   *
   * @throws ProblemException 400 if it is not one this API made for this order
   */
  public static RequestCursor decode(String cursor, RequestSort sort) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    String[] parts = cursor.strip().split("\\.", 3);
    try {
      long votes = Long.parseLong(parts[1]);
      if (!parts[0].toUpperCase(Locale.ROOT).equals(sort.name()) || votes < 0) {
        throw new IllegalArgumentException("made for another order");
      }
      PageCursor position = PageCursor.decode(parts[2]);
      return new RequestCursor(sort, votes, position.createdAt(), position.id());
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "The cursor is not valid for this listing; use the nextCursor of a previous page.");
    }
  }
}
