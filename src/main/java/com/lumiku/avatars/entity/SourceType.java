package com.lumiku.avatars.entity;

/**
 * Where an avatar came from: drawn from an order's own words and attributes, uploaded, or drawn
 * from a preset (with or without overrides). V12's CHECK on {@code avatars.source_type} has the
 * same list.
 */
public enum SourceType {
  GENERATED,
  UPLOADED,
  PRESET
}
