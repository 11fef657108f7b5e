package com.lumiku.poses.control;

import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A library category as an operator creates or changes it. {@link #checkedNew} and {@link
 * #checkedChanges} enforce every rule that needs no database, with the formats of V7's CHECKs;
 * where the category sits in the tree (its parent, its sub-categories) is checked when it is
 * stored.
 *
 * @param slug its name in URLs: lower-case words of letters and digits joined by hyphens, unique
 * @param displayName what users read, 1 to 100 characters
 * @param description a sentence about it (a change with a blank one removes it)
 * @param icon the name of its icon, in the slug's format (blank removes it)
 * @param color {@code #rrggbb} (blank removes it)
 * @param parentId the top-level category it belongs under, or null for a top-level one
 * @param displayOrder its place among its siblings (default: after the last)
 * @param retired whether users no longer see it and its poses (default false)
 */
@Schema(
    example =
        "{\"slug\":\"sports\",\"displayName\":\"Sports\",\"description\":\"Action and fitness poses\",\"color\":\"#2E86DE\",\"displayOrder\":3}")
public record CategoryEdit(
    String slug,
    String displayName,
    String description,
    String icon,
    String color,
    UUID parentId,
    Integer displayOrder,
    Boolean retired) {

  public static final int MAX_SLUG = 60;
  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 500;
  public static final int MAX_ICON = 40;
  public static final int MAX_ORDER = 100_000;

  private static final String FORMAT =
      "must be lower-case letters and digits, words joined by single hyphens.";

  /** A change that only retires the category (or brings it back). */
  public static CategoryEdit retiring(boolean retired) {
    return new CategoryEdit(null, null, null, null, null, null, null, retired);
  }

  /**
   * A new category with its rules checked: slug and display name given, texts stripped, the colour
   * in lower case (a blank optional text, {@code ""}, means none, as an absent one).
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public CategoryEdit checkedNew() {
    return checked(true);
  }

  /**
   * A change with its rules checked: absent fields stay as they are, blank optional texts become
   * {@code ""} (remove), slug and display name may not be blank.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public CategoryEdit checkedChanges() {
    return checked(false);
  }

  private CategoryEdit checked(boolean isNew) {
    List<FieldError> errors = new ArrayList<>();
    String checkedSlug = null;
    if (isNew || slug != null) {
      checkedSlug = FieldRules.required("slug", slug, MAX_SLUG, Lines.ONE, errors);
      if (checkedSlug != null && !FieldRules.SLUG.matcher(checkedSlug).matches()) {
        errors.add(new FieldError("slug", FORMAT));
      }
    }
    String checkedName =
        isNew || displayName != null
            ? FieldRules.required("displayName", displayName, MAX_NAME, Lines.ONE, errors)
            : null;
    String checkedDescription =
        FieldRules.optional("description", description, MAX_DESCRIPTION, Lines.ONE, errors);
    String checkedIcon =
        FieldRules.formatted("icon", icon, MAX_ICON, FieldRules.SLUG, FORMAT, errors);
    String checkedColor =
        FieldRules.formatted(
            "color",
            color == null ? null : color.toLowerCase(Locale.ROOT),
            7,
            FieldRules.COLOR,
            "must be # and six hex digits, like #4f7cff.",
            errors);
    if (displayOrder != null && (displayOrder < 0 || displayOrder > MAX_ORDER)) {
      errors.add(new FieldError("displayOrder", "must be between 0 and " + MAX_ORDER + "."));
    }
    FieldRules.refuseIfAny(errors);
    return new CategoryEdit(
        checkedSlug,
        checkedName,
        checkedDescription,
        checkedIcon,
        checkedColor,
        parentId,
        displayOrder,
        retired);
  }
}
