package com.lumiku.platform;

import com.lumiku.platform.problem.ProblemException;

/** The {@code limit} of a listing: 1 to 100 items, 20 when not given. */
public final class PageSize {

  public static final int DEFAULT = 20;
  public static final int MAX = 100;

  private PageSize() {}

  /**
   * The page size a client asked for.
   *
   * @throws ProblemException 400 if it is not a whole number from 1 to 100
   */
  public static int parse(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT;
    }
    try {
      int size = Integer.parseInt(limit.strip());
      if (size >= 1 && size <= MAX) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest("limit must be a whole number from 1 to " + MAX + ".");
  }
}
