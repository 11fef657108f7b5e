package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.Persona;
import com.lumiku.platform.input.MultiLine;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A persona as a client sends it, whole or as changes over a base (a preset's template, the persona
 * an operator edits): an absent field keeps the base's, a blank text removes it, a list of traits
 * replaces the base's (an empty one removes them). {@link #checked} enforces the rules of V12's
 * columns before anything is stored or charged; {@link #over} makes the persona.
 *
 * @param name the persona's name, 1 to 100 characters
 * @param age 18 to 100 (avatars are of adults)
 * @param personalityTraits at most 8, each 1 to 30 characters; repeats (in any case) count once
 * @param background at most 500 characters, may have several lines
 */
public record PersonaFields(
    String name, Integer age, List<String> personalityTraits, @MultiLine String background) {

  public static final int MAX_NAME = 100;
  public static final int MIN_AGE = 18;
  public static final int MAX_AGE = 100;
  public static final int MAX_TRAITS = 8;
  public static final int MAX_TRAIT = 30;
  public static final int MAX_BACKGROUND = 500;

  /** No changes at all. */
  public static final PersonaFields NONE = new PersonaFields(null, null, null, null);

  /**
   * The fields with their rules checked, each broken rule recorded under {@code field.component}:
   * texts stripped, blank ones {@code ""} (remove), traits stripped and without repeats. A field
   * that broke a rule is left out (null), so it changes nothing.
   */
  public PersonaFields checked(String field, List<FieldError> errors) {
    String checkedName = FieldRules.optional(field + ".name", name, MAX_NAME, Lines.ONE, errors);
    Integer checkedAge = age;
    if (age != null && (age < MIN_AGE || age > MAX_AGE)) {
      errors.add(
          new FieldError(
              field + ".age",
              "must be between " + MIN_AGE + " and " + MAX_AGE + " (avatars are of adults)."));
      checkedAge = null;
    }
    String checkedBackground =
        FieldRules.optional(field + ".background", background, MAX_BACKGROUND, Lines.MANY, errors);
    return new PersonaFields(
        checkedName,
        checkedAge,
        personalityTraits == null ? null : traits(field + ".personalityTraits", errors),
        checkedBackground);
  }

  private List<String> traits(String field, List<FieldError> errors) {
    if (personalityTraits.size() > MAX_TRAITS) {
      errors.add(new FieldError(field, "must be at most " + MAX_TRAITS + " traits."));
      return null;
    }
    Map<String, String> unique = new LinkedHashMap<>();
    for (String trait : personalityTraits) {
      List<FieldError> broken = new ArrayList<>();
      String checked = FieldRules.required(field, trait, MAX_TRAIT, Lines.ONE, broken);
      if (!broken.isEmpty()) {
        errors.add(
            new FieldError(
                field,
                "each must be 1 to " + MAX_TRAIT + " characters without control characters."));
        return null;
      }
      unique.putIfAbsent(checked.toLowerCase(Locale.ROOT), checked);
    }
    return List.copyOf(unique.values());
  }

  /** The persona these (checked) fields make of {@code base}. */
  public Persona over(Persona base) {
    return new Persona(
        Fields.text(name, base.name()),
        age != null ? age : base.age(),
        personalityTraits != null ? personalityTraits : base.personalityTraits(),
        Fields.text(background, base.background()));
  }

  /** The persona's fields, as a view or a change that gives every field. */
  public static PersonaFields of(Persona persona) {
    return new PersonaFields(
        persona.name(), persona.age(), persona.personalityTraits(), persona.background());
  }
}
