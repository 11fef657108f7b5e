package com.lumiku.credits.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link TransactionType} as its lower-case code. */
@Converter(autoApply = true)
public class TransactionTypeConverter implements AttributeConverter<TransactionType, String> {

  @Override
  public String convertToDatabaseColumn(TransactionType type) {
    return type == null ? null : type.code();
  }

  @Override
  public TransactionType convertToEntityAttribute(String code) {
    return code == null ? null : TransactionType.ofCode(code);
  }
}
