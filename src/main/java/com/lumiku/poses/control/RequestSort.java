package com.lumiku.poses.control;

import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.problem.ProblemException;
import java.util.List;

/**
 * The orders pose requests are listed in, newest breaking ties and the id after that, each with the
 * keyset condition that continues after a cursor. Vote counts change while someone pages: an item
 * whose votes changed between two pages may be shown twice or not at all, which a list of wishes
 * can afford (the newest order is stable).
 */
public enum RequestSort {
  /** Most votes first. */
  VOTES(
      " ORDER BY r.vote_count DESC, r.created_at DESC, r.id DESC",
      " AND (r.vote_count, r.created_at, r.id) < (?, ?, ?)"),
  /** Latest asked first. */
  NEWEST(" ORDER BY r.created_at DESC, r.id DESC", " AND (r.created_at, r.id) < (?, ?)");

  private final String order;
  private final String after;

  RequestSort(String order, String after) {
    this.order = order;
    this.after = after;
  }

  String order() {
    return order;
  }

  /** The condition that keeps what comes after the cursor, and the values it binds. */
  String after() {
    return after;
  }

  List<Object> values(RequestCursor cursor) {
    return this == VOTES
        ? List.of(cursor.votes(), cursor.createdAt(), cursor.id())
        : List.of(cursor.createdAt(), cursor.id());
  }

  public String code() {
    return Choice.code(this);
  }

  /**
   * The order a client asked for; votes when none.
   *
   * @throws ProblemException 400 for an unknown one
   */
  public static RequestSort parseOrDefault(String code) {
    RequestSort sort = Choice.parse(RequestSort.class, "sort", code);
    return sort == null ? VOTES : sort;
  }
}
