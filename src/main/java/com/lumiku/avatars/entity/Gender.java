package com.lumiku.avatars.entity;

/**
 * Who an avatar is drawn as. The API spells the constants in lower case ({@code non_binary}); V12's
 * domain {@code avatar_gender} has the same list.
 */
public enum Gender {
  FEMALE,
  MALE,
  NON_BINARY
}
