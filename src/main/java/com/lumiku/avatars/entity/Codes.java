package com.lumiku.avatars.entity;

import com.lumiku.platform.problem.Choice;
import java.util.Locale;

/** Avatar Creator's enums as their columns hold them: the API's lower-case codes. */
final class Codes {

  private Codes() {}

  /** The constant's code, or null for none. */
  static String code(Enum<?> constant) {
    return constant == null ? null : Choice.code(constant);
  }

  /** The constant a column names (the database's domains allow only the known codes). */
  static <E extends Enum<E>> E constant(Class<E> type, String code) {
    return code == null ? null : Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
  }
}
