package com.lumiku.platform.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For {@code uuid} columns that may be null: EclipseLink's own UUID conversion (4.0) fails on a
 * null value ("jdbcValue is null") when it reads such a row; with this converter it passes the
 * driver's {@code UUID}, or null, through as it is. Apply it with {@code @Convert} on the field.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, UUID> {

  @Override
  public UUID convertToDatabaseColumn(UUID attribute) {
    return attribute;
  }

  @Override
  public UUID convertToEntityAttribute(UUID column) {
    return column;
  }
}
