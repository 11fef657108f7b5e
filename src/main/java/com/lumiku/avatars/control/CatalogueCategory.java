package com.lumiku.avatars.control;

import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The category of a preset or a persona example: lower-case words of letters and digits joined by
 * hyphens, at most 40 characters (V12's domain {@code avatar_category}). Categories are open:
 * operators make one by using it.
 */
public final class CatalogueCategory {

  public static final int MAX_LENGTH = 40;

  private CatalogueCategory() {}

  /** A category that must be given, in lower case; null if it broke a rule (recorded). */
  static String checked(String field, String value, List<FieldError> errors) {
    String checked =
        FieldRules.required(
            field,
            value == null ? null : value.toLowerCase(Locale.ROOT),
            MAX_LENGTH,
            Lines.ONE,
            errors);
    if (checked != null && !FieldRules.SLUG.matcher(checked).matches()) {
      errors.add(
          new FieldError(field, "must be lower-case letters and digits, words joined by hyphens."));
      return null;
    }
    return checked;
  }

  /**
   * A listing's category filter: null when absent or blank.
   *
   * @throws ProblemException 400 for one that cannot be a category
   */
  public static String filter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    List<FieldError> errors = new ArrayList<>();
    String checked = checked("category", value, errors);
    FieldRules.refuseIfAny(errors);
    return checked;
  }
}
