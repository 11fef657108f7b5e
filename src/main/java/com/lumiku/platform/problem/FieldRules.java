package com.lumiku.platform.problem;

import com.lumiku.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a text or a choice in a request body keeps, shared by every app's bodies (pose requests
 * and library edits, avatar orders, presets and persona examples): each check records what is wrong
 * with its field in the caller's list, so that one answer names every broken rule.
 */
public final class FieldRules {

  /**
   * A slug as the migrations' CHECKs have it: lower-case words of letters and digits joined by
   * hyphens.
   */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** A colour as the migrations' CHECKs have it: {@code #} and six lower-case hex digits. */
  public static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");

  /**
   * What a one-line text must not hold: control characters, the Unicode line and paragraph
   * separators, and format characters (bidi overrides and isolates, which make a text show in
   * another order than it is stored, invisible ones such as zero-width spaces, soft hyphens and
   * tags), except the zero-width joiner and non-joiner, which Persian and Indic words and emoji
   * sequences need. Line breaks and tabs are allowed where text may have several lines.
   */
  private static final Pattern ONE_LINE_CONTROL =
      Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\p{Cf}&&[^\\u200c\\u200d]]");

  private static final Pattern MULTILINE_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  /**
   * What no text of a request may hold, whatever its field: control characters (NUL, which
   * PostgreSQL cannot store, among them), the Unicode line and paragraph separators, and unpaired
   * surrogates (not a character at all).
   */
  private static final Pattern ANY_ONE_LINE_CONTROL =
      Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\p{Cs}]");

  /** The same, where a text may have several lines: line breaks and tabs are allowed. */
  private static final Pattern ANY_MULTILINE_CONTROL =
      Pattern.compile("[\\p{Cc}\\p{Cs}&&[^\\n\\r\\t]]");

  private FieldRules() {}

  /**
   * Whether a text of a request (a body's string, a query or path parameter, a form field) holds a
   * character that no field accepts: a control character (line breaks and tabs are allowed in
   * {@link Lines#MANY} texts), a line or paragraph separator, or an unpaired surrogate. The field's
   * own rules may refuse more.
   */
  public static boolean hasControlCharacter(String value, Lines lines) {
    return (lines == Lines.ONE ? ANY_ONE_LINE_CONTROL : ANY_MULTILINE_CONTROL)
        .matcher(value)
        .find();
  }

  /** What {@link #hasControlCharacter} tells a client when it refuses a text. */
  public static String controlCharacterRule(Lines lines) {
    return lines == Lines.ONE
        ? "must not contain control characters or line breaks."
        : "must not contain control characters other than line breaks and tabs.";
  }

  /** Whether a text is one line or may have several. */
  public enum Lines {
    ONE,
    MANY
  }

  /**
   * A text that must be given: not blank, at most {@code max} characters once stripped.
   *
   * @return the stripped text, or null if it broke a rule (recorded in {@code errors})
   */
  public static String required(
      String field, String value, int max, Lines lines, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "must not be blank."));
      return null;
    }
    return optional(field, value, max, lines, errors);
  }

  /**
   * A text that may be left out: null stays null, a blank text becomes {@code ""} (which a change
   * reads as "remove it"), anything else must be at most {@code max} characters once stripped.
   *
   * @return the stripped text, or null if it is absent or broke a rule (recorded in {@code errors})
   */
  public static String optional(
      String field, String value, int max, Lines lines, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters."));
      return null;
    }
    Pattern control = lines == Lines.ONE ? ONE_LINE_CONTROL : MULTILINE_CONTROL;
    if (control.matcher(stripped).find()) {
      errors.add(
          new FieldError(
              field,
              lines == Lines.ONE
                  ? "must be one line without control or invisible formatting characters."
                  : "must not contain control characters."));
      return null;
    }
    return stripped;
  }

  /**
   * A text that may be left out and, when given, matches {@code format} (what it is told in {@code
   * rule}); a blank text becomes {@code ""}.
   */
  public static String formatted(
      String field, String value, int max, Pattern format, String rule, List<FieldError> errors) {
    String text = optional(field, value, max, Lines.ONE, errors);
    if (text != null && !text.isEmpty() && !format.matcher(text).matches()) {
      errors.add(new FieldError(field, rule));
      return null;
    }
    return text;
  }

  /** One of an enum's codes, or null when absent; an unknown code is recorded with the choices. */
  public static <E extends Enum<E>> E choice(
      Class<E> type, String field, String code, List<FieldError> errors) {
    try {
      return Choice.parse(type, field, code);
    } catch (ProblemException unknown) {
      errors.add(new FieldError(field, unknown.problem().detail()));
      return null;
    }
  }

  /** Throws the 400 that names every broken rule, if any. */
  public static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  /**
   * A project's texts, in any app: its name (checked when required or given), one line of at most
   * 100 characters, and its description, at most 500.
   *
   * @throws ProblemException 400 naming each broken field
   */
  public static void projectTexts(String name, boolean nameRequired, String description) {
    List<FieldError> errors = new ArrayList<>();
    if (nameRequired || name != null) {
      required("name", name, 100, Lines.ONE, errors);
    }
    optional("description", description, 500, Lines.MANY, errors);
    refuseIfAny(errors);
  }
}
