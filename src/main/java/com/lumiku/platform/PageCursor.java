package com.lumiku.platform;

import com.lumiku.platform.problem.ProblemException;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a newest-first listing: the creation time and id of the last item seen. Clients get
 * it as an opaque string and hand it back for the next page; new items never shift pages.
 */
public record PageCursor(OffsetDateTime createdAt, UUID id) {

  /**
   * Far longer than any cursor this API makes (about 70 characters); anything longer is refused.
   */
  public static final int LONGEST = 200;

  /**
   * The JPQL that keeps what comes after {@code after} in a newest-first listing of {@code alias}
   * (entities with {@code createdAt} and {@code id}), to add to a WHERE clause: nothing for the
   * first page. Bind its parameters with {@link #bind}.
   */
  public static String jpqlAfter(PageCursor after, String alias) {
    return after == null
        ? ""
        : " AND (%1$s.createdAt < :createdAt OR (%1$s.createdAt = :createdAt AND %1$s.id < :id))"
            .formatted(alias);
  }

  /** The JPQL of a newest-first order of {@code alias}, ids breaking ties. */
  public static String jpqlOrder(String alias) {
    return " ORDER BY %1$s.createdAt DESC, %1$s.id DESC".formatted(alias);
  }

  /** Binds what {@link #jpqlAfter} added, and limits the page to {@code limit} rows. */
  public static <T> TypedQuery<T> bind(TypedQuery<T> query, PageCursor after, int limit) {
    if (after != null) {
      query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
    }
    return query.setMaxResults(limit);
  }

  public String encode() {
    String plain = createdAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor a client sent back; null for none.
   *
   * @throws ProblemException 400 if it is not one this API made
   */
  public static PageCursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      if (cursor.length() > LONGEST) {
        throw new IllegalArgumentException("longer than any cursor this API makes");
      }
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      return new PageCursor(
          storable(OffsetDateTime.parse(plain.substring(0, bar))),
          UUID.fromString(plain.substring(bar + 1)));
    } catch (IllegalArgumentException | DateTimeException | StringIndexOutOfBoundsException e) {
      throw ProblemException.badRequest(
          "The cursor is not valid; use the nextCursor of a previous page.");
    }
  }

  /**
   * The time, if the database can compare with it: Java reads years the database's timestamps
   * cannot hold (a cursor with one would fail in the query, a 500 instead of a 400).
   *
   * @throws DateTimeException if its year is not from 1 to 9999
   */
  public static OffsetDateTime storable(OffsetDateTime time) {
    if (time.getYear() < 1 || time.getYear() > 9999) {
      throw new DateTimeException("Outside the years 1 to 9999: " + time);
    }
    return time;
  }
}
