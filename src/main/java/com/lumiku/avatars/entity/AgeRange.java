package com.lumiku.avatars.entity;

/**
 * How old an avatar looks, when no exact age is given: 18-29, 30-44, 45-64, 65 and over (avatars
 * are of adults). V12's domain {@code avatar_age_range} has the same list.
 */
public enum AgeRange {
  YOUNG_ADULT,
  ADULT,
  MIDDLE_AGED,
  SENIOR
}
