package com.lumiku.avatars.entity;

/**
 * An avatar's skin tone, lightest first. V12's domain {@code avatar_skin_tone} has the same list.
 */
public enum SkinTone {
  FAIR,
  LIGHT,
  MEDIUM,
  OLIVE,
  TAN,
  BROWN,
  DARK,
  DEEP
}
