package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An avatar order with the rules of its own fields checked, before a preset (if it names one) is
 * looked up: what makes two orders the same order (the idempotency fingerprint), and what {@link
 * #resolve} turns into the avatar to draw over the preset. An order without a preset is checked in
 * full here, so one 400 names every broken rule; one with a preset gets the rules that depend on
 * the preset (a name, something to draw, the prompt's length) once it is read.
 *
 * @param name the avatar's name; {@code ""}: the persona's name, else the preset's
 * @param prompt the order's own words; null keeps a preset's, {@code ""} removes them
 * @param presetId the preset ordered, or null
 * @param persona changes over the preset's persona (or the whole persona)
 * @param attributes changes over the preset's attributes (or all of them)
 */
public record AvatarDraft(
    String name,
    String prompt,
    int width,
    int height,
    UUID presetId,
    PersonaFields persona,
    AttributeFields attributes) {

  public static final int MAX_NAME = 100;
  public static final int MIN_SIZE = 256;
  public static final int MAX_SIZE = 1024;
  public static final int DEFAULT_SIZE = 512;

  /** The avatar to draw: its name, the model's prompt and its persona and attributes. */
  public record Resolved(
      String name, String prompt, Persona persona, VisualAttributes attributes) {}

  /**
   * The order's fields with their rules checked; without a preset, the whole order.
   *
   * @param width null: {@link #DEFAULT_SIZE}
   * @param height null: {@link #DEFAULT_SIZE}
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public static AvatarDraft checked(
      String name,
      String prompt,
      Integer width,
      Integer height,
      UUID presetId,
      PersonaFields persona,
      AttributeFields attributes) {
    List<FieldError> errors = new ArrayList<>();
    AvatarDraft draft =
        new AvatarDraft(
            FieldRules.optional("name", name, MAX_NAME, Lines.ONE, errors),
            FieldRules.optional("prompt", prompt, PromptBuilder.MAX_LENGTH, Lines.MANY, errors),
            size("width", width, errors),
            size("height", height, errors),
            presetId,
            (persona == null ? PersonaFields.NONE : persona).checked("persona", errors),
            (attributes == null ? AttributeFields.NONE : attributes).checked("attributes", errors));
    if (presetId == null) {
      draft.resolve(null, errors);
    }
    refuse(errors);
    return draft;
  }

  /**
   * Who an uploaded photo shows, checked: its name (null or {@code ""}: the persona's name), its
   * persona and attributes; the photo is the picture, so there is no prompt.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public static Resolved forUpload(String name, PersonaFields persona, AttributeFields attributes) {
    List<FieldError> errors = new ArrayList<>();
    String given = FieldRules.optional("name", name, MAX_NAME, Lines.ONE, errors);
    Persona who =
        (persona == null ? PersonaFields.NONE : persona)
            .checked("persona", errors)
            .over(Persona.NONE);
    VisualAttributes look =
        (attributes == null ? AttributeFields.NONE : attributes)
            .checked("attributes", errors)
            .over(VisualAttributes.NONE);
    String avatarName = given != null && !given.isEmpty() ? given : who.name();
    if (avatarName == null) {
      errors.add(new FieldError("name", "must not be blank (or give persona.name)."));
    }
    refuse(errors);
    return new Resolved(avatarName, null, who, look);
  }

  /**
   * The avatar this order asks for over the preset (null: none): the preset's template and
   * attributes with the order's fields over them.
   *
   * @throws ProblemException 400 if it has no name, nothing to draw or too long a prompt
   */
  public Resolved resolve(AvatarPreset.Content preset) {
    List<FieldError> errors = new ArrayList<>();
    Resolved resolved = resolve(preset, errors);
    refuse(errors);
    return resolved;
  }

  private Resolved resolve(AvatarPreset.Content preset, List<FieldError> errors) {
    Persona resolvedPersona = persona.over(preset == null ? Persona.NONE : preset.persona());
    VisualAttributes look =
        attributes.over(preset == null ? VisualAttributes.NONE : preset.attributes());
    String text = Fields.text(prompt, preset == null ? null : preset.prompt());
    String avatarName =
        name != null && !name.isEmpty()
            ? name
            : resolvedPersona.name() != null
                ? resolvedPersona.name()
                : preset == null ? null : preset.name();
    if (avatarName == null) {
      errors.add(new FieldError("name", "must not be blank (or give persona.name, or a preset)."));
    }
    boolean lookBroken =
        errors.stream()
            .anyMatch(e -> e.field().startsWith("persona.") || e.field().startsWith("attributes."));
    String built =
        lookBroken ? null : PromptBuilder.checked(resolvedPersona, look, text, "prompt", errors);
    return new Resolved(avatarName, built, resolvedPersona, look);
  }

  private static int size(String field, Integer value, List<FieldError> errors) {
    if (value == null) {
      return DEFAULT_SIZE;
    }
    if (value < MIN_SIZE || value > MAX_SIZE) {
      errors.add(new FieldError(field, "must be between " + MIN_SIZE + " and " + MAX_SIZE + "."));
    }
    return value;
  }

  /** Throws the 400 naming each broken field once (its first broken rule). */
  private static void refuse(List<FieldError> errors) {
    Map<String, FieldError> first = new LinkedHashMap<>();
    errors.forEach(error -> first.putIfAbsent(error.field(), error));
    FieldRules.refuseIfAny(List.copyOf(first.values()));
  }
}
