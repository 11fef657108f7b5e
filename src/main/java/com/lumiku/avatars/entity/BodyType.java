package com.lumiku.avatars.entity;

/** An avatar's build. V12's domain {@code avatar_body_type} has the same list. */
public enum BodyType {
  SLIM,
  AVERAGE,
  ATHLETIC,
  MUSCULAR,
  CURVY,
  PLUS_SIZE
}
