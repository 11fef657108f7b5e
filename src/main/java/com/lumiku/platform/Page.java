package com.lumiku.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, as the API returns it: the items, and the cursor of the next page, or null
 * on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

  /**
   * The page made of what a query returned when asked for {@code limit + 1} rows: the extra row
   * only tells that there is more.
   */
  public static <E, T> Page<T> of(
      List<E> fetched, int limit, Function<E, T> view, Function<E, PageCursor> position) {
    return ofCursors(fetched, limit, view, last -> position.apply(last).encode());
  }

  /**
   * Like {@link #of}, for listings whose cursors are not {@link PageCursor}s (other orders than
   * newest first): {@code cursor} encodes where the page's last item stands.
   */
  public static <E, T> Page<T> ofCursors(
      List<E> fetched, int limit, Function<E, T> view, Function<E, String> cursor) {
    boolean more = fetched.size() > limit;
    List<E> shown = more ? fetched.subList(0, limit) : fetched;
    return new Page<>(
        shown.stream().map(view).toList(), more ? cursor.apply(shown.get(shown.size() - 1)) : null);
  }

  /** The same page with each item shown another way. */
  public <U> Page<U> map(Function<T, U> view) {
    return new Page<>(items.stream().map(view).toList(), nextCursor);
  }
}
