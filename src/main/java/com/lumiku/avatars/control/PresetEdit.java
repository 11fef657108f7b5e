package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.input.MultiLine;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A preset as an operator creates or changes it. {@link #checked} enforces the rules of V12's
 * columns and that the preset gives the model something to draw within {@link
 * PromptBuilder#MAX_LENGTH}.
 *
 * @param name 1 to 100 characters
 * @param category lower-case words of letters and digits joined by hyphens, at most 40
 * @param description what users read about it, at most 500 characters (blank removes it)
 * @param prompt its own words for the model, at most 1000 characters (blank removes them)
 * @param persona its persona template (changes over the current one)
 * @param attributes its visual attributes (changes over the current ones)
 * @param isPublic {@code public} in JSON: whether users see and may order it (default true)
 */
@Schema(
    example =
        "{\"name\":\"Office professional\",\"category\":\"professional\",\"description\":\"A calm portrait for profiles\",\"prompt\":\"professional headshot, neutral background\",\"attributes\":{\"style\":\"professional\"},\"public\":true}")
public record PresetEdit(
    String name,
    String category,
    @MultiLine String description,
    @MultiLine String prompt,
    PersonaFields persona,
    AttributeFields attributes,
    @JsonbProperty("public") Boolean isPublic) {

  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 500;

  /**
   * What the preset says with this edit applied: a new preset when {@code current} is null (name
   * and category required), else the current one with the given fields changed.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public AvatarPreset.Content checked(AvatarPreset.Content current) {
    List<FieldError> errors = new ArrayList<>();
    boolean isNew = current == null;
    String checkedName =
        isNew || name != null
            ? FieldRules.required("name", name, MAX_NAME, Lines.ONE, errors)
            : current.name();
    String checkedCategory =
        isNew || category != null
            ? CatalogueCategory.checked("category", category, errors)
            : current.category();
    String checkedDescription =
        Fields.text(
            FieldRules.optional("description", description, MAX_DESCRIPTION, Lines.MANY, errors),
            isNew ? null : current.description());
    String checkedPrompt =
        Fields.text(
            FieldRules.optional("prompt", prompt, PromptBuilder.MAX_LENGTH, Lines.MANY, errors),
            isNew ? null : current.prompt());
    Persona checkedPersona =
        (persona == null ? PersonaFields.NONE : persona)
            .checked("persona", errors)
            .over(isNew ? Persona.NONE : current.persona());
    VisualAttributes checkedAttributes =
        (attributes == null ? AttributeFields.NONE : attributes)
            .checked("attributes", errors)
            .over(isNew ? VisualAttributes.NONE : current.attributes());
    if (errors.isEmpty()) {
      PromptBuilder.checked(checkedPersona, checkedAttributes, checkedPrompt, "prompt", errors);
    }
    FieldRules.refuseIfAny(errors);
    return new AvatarPreset.Content(
        checkedName,
        checkedCategory,
        checkedDescription,
        checkedPrompt,
        checkedPersona,
        checkedAttributes,
        isPublic != null ? isPublic : isNew || current.isPublic());
  }
}
