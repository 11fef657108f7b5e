package com.lumiku.platform.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Enums as the API spells them: the lower-case name, read back from a client's parameter with a 400
 * that lists the choices when it names none of them.
 */
public final class Choice {

  private Choice() {}

  /** The lower-case name a client sees and sends. */
  public static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The constant a client named in {@code field} (any case, surrounding blanks ignored); null when
   * the parameter is absent or blank.
   *
   * @throws ProblemException 400 naming the field and its choices for anything else
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    E[] constants = type.getEnumConstants();
    return Arrays.stream(constants)
        .filter(constant -> code(constant).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    Arrays.stream(constants)
                        .map(Choice::code)
                        .collect(Collectors.joining(", ", field + " must be one of ", "."))));
  }
}
