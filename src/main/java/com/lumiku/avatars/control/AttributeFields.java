package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.AgeRange;
import com.lumiku.avatars.entity.AvatarStyle;
import com.lumiku.avatars.entity.BodyType;
import com.lumiku.avatars.entity.Gender;
import com.lumiku.avatars.entity.SkinTone;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import java.util.List;

/**
 * Visual attributes as the API reads and writes them: the closed vocabularies by their lower-case
 * codes, the rest as free words. Sent whole or as changes over a base: an absent field keeps the
 * base's, a blank one removes it. {@link #checked} enforces V12's rules (an unknown code is a 400
 * that lists the choices) before anything is stored or charged; {@link #over} makes the attributes.
 *
 * @param gender {@code female}, {@code male}, {@code non_binary}
 * @param ageRange {@code young_adult} (18-29), {@code adult} (30-44), {@code middle_aged} (45-64),
 *     {@code senior} (65+)
 * @param ethnicity free words, at most 60 characters
 * @param bodyType {@code slim}, {@code average}, {@code athletic}, {@code muscular}, {@code curvy},
 *     {@code plus_size}
 * @param hairStyle free words, at most 60 characters
 * @param hairColor free words, at most 40 characters
 * @param eyeColor free words, at most 40 characters
 * @param skinTone {@code fair}, {@code light}, {@code medium}, {@code olive}, {@code tan}, {@code
 *     brown}, {@code dark}, {@code deep}
 * @param style {@code realistic}, {@code professional}, {@code casual}, {@code artistic}, {@code
 *     anime}, {@code cartoon}, {@code fantasy}, {@code sci_fi}, {@code vintage}
 */
public record AttributeFields(
    String gender,
    String ageRange,
    String ethnicity,
    String bodyType,
    String hairStyle,
    String hairColor,
    String eyeColor,
    String skinTone,
    String style) {

  public static final int MAX_ETHNICITY = 60;
  public static final int MAX_HAIR_STYLE = 60;
  public static final int MAX_COLOR = 40;

  /** No changes at all. */
  public static final AttributeFields NONE =
      new AttributeFields(null, null, null, null, null, null, null, null, null);

  /**
   * The fields with their rules checked, each broken rule recorded under {@code field.component}:
   * codes in lower case, texts stripped, blank ones {@code ""} (remove). A field that broke a rule
   * is left out (null), so it changes nothing.
   */
  public AttributeFields checked(String field, List<FieldError> errors) {
    return new AttributeFields(
        code(Gender.class, field + ".gender", gender, errors),
        code(AgeRange.class, field + ".ageRange", ageRange, errors),
        FieldRules.optional(field + ".ethnicity", ethnicity, MAX_ETHNICITY, Lines.ONE, errors),
        code(BodyType.class, field + ".bodyType", bodyType, errors),
        FieldRules.optional(field + ".hairStyle", hairStyle, MAX_HAIR_STYLE, Lines.ONE, errors),
        FieldRules.optional(field + ".hairColor", hairColor, MAX_COLOR, Lines.ONE, errors),
        FieldRules.optional(field + ".eyeColor", eyeColor, MAX_COLOR, Lines.ONE, errors),
        code(SkinTone.class, field + ".skinTone", skinTone, errors),
        code(AvatarStyle.class, field + ".style", style, errors));
  }

  private static <E extends Enum<E>> String code(
      Class<E> type, String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return value == null ? null : "";
    }
    E constant = FieldRules.choice(type, field, value, errors);
    return constant == null ? null : Choice.code(constant);
  }

  /** The attributes these (checked) fields make of {@code base}. */
  public VisualAttributes over(VisualAttributes base) {
    return new VisualAttributes(
        Fields.choice(Gender.class, gender, base.gender()),
        Fields.choice(AgeRange.class, ageRange, base.ageRange()),
        Fields.text(ethnicity, base.ethnicity()),
        Fields.choice(BodyType.class, bodyType, base.bodyType()),
        Fields.text(hairStyle, base.hairStyle()),
        Fields.text(hairColor, base.hairColor()),
        Fields.text(eyeColor, base.eyeColor()),
        Fields.choice(SkinTone.class, skinTone, base.skinTone()),
        Fields.choice(AvatarStyle.class, style, base.style()));
  }

  /** The attributes' fields, as a view or a change that gives every field. */
  public static AttributeFields of(VisualAttributes attributes) {
    return new AttributeFields(
        code(attributes.gender()),
        code(attributes.ageRange()),
        attributes.ethnicity(),
        code(attributes.bodyType()),
        attributes.hairStyle(),
        attributes.hairColor(),
        attributes.eyeColor(),
        code(attributes.skinTone()),
        code(attributes.style()));
  }

  private static String code(Enum<?> constant) {
    return constant == null ? null : Choice.code(constant);
  }
}
