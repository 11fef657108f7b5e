package com.lumiku.avatars.control;

import com.lumiku.platform.problem.Choice;

/** How a change's field applies to what it changes: absent keeps, blank removes. */
final class Fields {

  private Fields() {}

  /** A checked text over the base's: null keeps the base's, {@code ""} removes it. */
  static String text(String change, String base) {
    if (change == null) {
      return base;
    }
    return change.isEmpty() ? null : change;
  }

  /** A checked code over the base's constant: null keeps it, {@code ""} removes it. */
  static <E extends Enum<E>> E choice(Class<E> type, String change, E base) {
    if (change == null) {
      return base;
    }
    return change.isEmpty() ? null : Choice.parse(type, "", change);
  }
}
