package com.lumiku.avatars.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * {@link VisualAttributes} as V12's columns hold them, the same in every table that has them. The
 * enums are stored by their lower-case codes (V12's domains); {@link Codes} translates.
 */
@Embeddable
public class AttributeColumns {

  @Column(name = "gender")
  private String gender;

  @Column(name = "age_range")
  private String ageRange;

  @Column(name = "ethnicity")
  private String ethnicity;

  @Column(name = "body_type")
  private String bodyType;

  @Column(name = "hair_style")
  private String hairStyle;

  @Column(name = "hair_color")
  private String hairColor;

  @Column(name = "eye_color")
  private String eyeColor;

  @Column(name = "skin_tone")
  private String skinTone;

  @Column(name = "style")
  private String style;

  protected AttributeColumns() {}

  static AttributeColumns of(VisualAttributes attributes) {
    AttributeColumns columns = new AttributeColumns();
    columns.gender = Codes.code(attributes.gender());
    columns.ageRange = Codes.code(attributes.ageRange());
    columns.ethnicity = attributes.ethnicity();
    columns.bodyType = Codes.code(attributes.bodyType());
    columns.hairStyle = attributes.hairStyle();
    columns.hairColor = attributes.hairColor();
    columns.eyeColor = attributes.eyeColor();
    columns.skinTone = Codes.code(attributes.skinTone());
    columns.style = Codes.code(attributes.style());
    return columns;
  }

  /**
   * The attributes of these columns; EclipseLink leaves an embedded value null when all are null.
   */
  static VisualAttributes value(AttributeColumns columns) {
    if (columns == null) {
      return VisualAttributes.NONE;
    }
    return new VisualAttributes(
        Codes.constant(Gender.class, columns.gender),
        Codes.constant(AgeRange.class, columns.ageRange),
        columns.ethnicity,
        Codes.constant(BodyType.class, columns.bodyType),
        columns.hairStyle,
        columns.hairColor,
        columns.eyeColor,
        Codes.constant(SkinTone.class, columns.skinTone),
        Codes.constant(AvatarStyle.class, columns.style));
  }
}
