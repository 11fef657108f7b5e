package com.lumiku.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first listing, as the API returns it: the items, and the cursor of the next
 * (older) page, or null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * The page made of what a query returned when asked for {@code limit + 1} rows: the extra row
   * only tells that there is more.
   */
  public static <E, T> Page<T> of(
      List<E> fetched, int limit, Function<E, T> view, Function<E, PageCursor> position) {
    boolean more = fetched.size() > limit;
    List<E> shown = more ? fetched.subList(0, limit) : fetched;
    return new Page<>(
        shown.stream().map(view).toList(),
        more ? position.apply(shown.get(shown.size() - 1)).encode() : null);
  }
}
