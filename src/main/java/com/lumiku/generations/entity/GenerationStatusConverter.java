package com.lumiku.generations.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link GenerationStatus} as its lower-case code. */
@Converter(autoApply = true)
public class GenerationStatusConverter implements AttributeConverter<GenerationStatus, String> {

  @Override
  public String convertToDatabaseColumn(GenerationStatus status) {
    return status == null ? null : status.code();
  }

  @Override
  public GenerationStatus convertToEntityAttribute(String code) {
    return code == null ? null : GenerationStatus.ofCode(code);
  }
}
