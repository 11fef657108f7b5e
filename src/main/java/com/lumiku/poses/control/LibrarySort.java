package com.lumiku.poses.control;

import com.lumiku.platform.PageCursor;
import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * The orders the library lists in, each newest-style (descending) with the pose id to break ties,
 * and how a page's last pose is remembered in the cursor.
 */
public enum LibrarySort {
  /** Most used first. */
  POPULAR("p.usage_count", Long::valueOf, pose -> String.valueOf(pose.usageCount())),
  /** Best rated first. */
  RATING("p.rating_avg", LibrarySort::rating, pose -> pose.ratingAvg().toPlainString()),
  /** Latest added first. */
  NEWEST(
      "p.created_at",
      value -> PageCursor.storable(OffsetDateTime.parse(value)),
      pose -> pose.createdAt().toString());

  private final String column;
  private final Function<String, Object> parser;
  private final Function<PoseLibrary.Pose, String> key;

  LibrarySort(
      String column, Function<String, Object> parser, Function<PoseLibrary.Pose, String> key) {
    this.column = column;
    this.parser = parser;
    this.key = key;
  }

  String column() {
    return column;
  }

  /**
   * A rating from a cursor: a rating is 0 to 5 with two decimals, so anything far from that (a
   * number the database's numeric cannot compare with, say) is no cursor this API made.
   */
  private static BigDecimal rating(String value) {
    BigDecimal rating = new BigDecimal(value);
    if (rating.scale() > 10 || rating.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new IllegalArgumentException("Not a rating: " + value);
    }
    return rating;
  }

  /** The sort value of a cursor, as the column's type. */
  Object parse(String value) {
    return parser.apply(value);
  }

  /** Where a page ends: the cursor that continues after this pose. */
  public LibraryCursor after(PoseLibrary.Pose pose) {
    return new LibraryCursor(this, key.apply(pose), pose.id());
  }

  public String code() {
    return Choice.code(this);
  }

  /**
   * The order a client asked for; popular when none.
   *
   * @throws ProblemException 400 for an unknown one
   */
  public static LibrarySort parseOrDefault(String code) {
    LibrarySort sort = Choice.parse(LibrarySort.class, "sort", code);
    return sort == null ? POPULAR : sort;
  }
}
