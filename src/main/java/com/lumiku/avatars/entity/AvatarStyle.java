package com.lumiku.avatars.entity;

/**
 * How an avatar's picture is made: a photograph of some kind, or a drawing in a genre. V12's domain
 * {@code avatar_style} has the same list.
 */
public enum AvatarStyle {
  REALISTIC,
  PROFESSIONAL,
  CASUAL,
  ARTISTIC,
  ANIME,
  CARTOON,
  FANTASY,
  SCI_FI,
  VINTAGE
}
