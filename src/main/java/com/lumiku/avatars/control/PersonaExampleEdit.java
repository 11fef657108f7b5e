package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.PersonaExample;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A persona example as an operator creates or changes it. {@link #checked} enforces the rules of
 * V12's columns.
 *
 * @param category lower-case words of letters and digits joined by hyphens, at most 40
 * @param displayOrder its place in its category, 0 to 100000 (default: after the last)
 * @param name what the example is called, 1 to 100 characters
 * @param persona the persona it suggests (changes over the current one)
 * @param suggestedAttributes the look it suggests (changes over the current one)
 */
@Schema(
    example =
        "{\"category\":\"business\",\"name\":\"The founder\",\"displayOrder\":1,\"persona\":{\"name\":\"Raka\",\"age\":35,\"personalityTraits\":[\"driven\"],\"background\":\"Runs a coffee start-up\"},\"suggestedAttributes\":{\"gender\":\"male\",\"ageRange\":\"adult\"}}")
public record PersonaExampleEdit(
    String category,
    Integer displayOrder,
    String name,
    PersonaFields persona,
    AttributeFields suggestedAttributes) {

  public static final int MAX_NAME = 100;
  public static final int MAX_ORDER = 100_000;

  /**
   * What the example says with this edit applied: a new example when {@code current} is null (name
   * and category required), else the current one with the given fields changed.
   *
   * @param nextInCategory the display order after the last of a category (for a new example without
   *     one)
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public PersonaExample.Content checked(
      PersonaExample.Content current, ToIntFunction<String> nextInCategory) {
    List<FieldError> errors = new ArrayList<>();
    boolean isNew = current == null;
    String checkedCategory =
        isNew || category != null
            ? CatalogueCategory.checked("category", category, errors)
            : current.category();
    String checkedName =
        isNew || name != null
            ? FieldRules.required("name", name, MAX_NAME, Lines.ONE, errors)
            : current.name();
    if (displayOrder != null && (displayOrder < 0 || displayOrder > MAX_ORDER)) {
      errors.add(new FieldError("displayOrder", "must be between 0 and " + MAX_ORDER + "."));
    }
    Persona checkedPersona =
        (persona == null ? PersonaFields.NONE : persona)
            .checked("persona", errors)
            .over(isNew ? Persona.NONE : current.persona());
    VisualAttributes checkedAttributes =
        (suggestedAttributes == null ? AttributeFields.NONE : suggestedAttributes)
            .checked("suggestedAttributes", errors)
            .over(isNew ? VisualAttributes.NONE : current.suggestedAttributes());
    FieldRules.refuseIfAny(errors);
    int order =
        displayOrder != null
            ? displayOrder
            : isNew ? nextInCategory.applyAsInt(checkedCategory) : current.displayOrder();
    return new PersonaExample.Content(
        checkedCategory, order, checkedName, checkedPersona, checkedAttributes);
  }
}
