package com.lumiku.avatars.entity;

/**
 * How an avatar looks. The closed vocabularies are enums; ethnicity, hair and eye colours and the
 * hair style are free words (bounded, one line). Any part may be missing.
 */
public record VisualAttributes(
    Gender gender,
    AgeRange ageRange,
    String ethnicity,
    BodyType bodyType,
    String hairStyle,
    String hairColor,
    String eyeColor,
    SkinTone skinTone,
    AvatarStyle style) {

  public static final VisualAttributes NONE =
      new VisualAttributes(null, null, null, null, null, null, null, null, null);

  public boolean isEmpty() {
    return equals(NONE);
  }
}
