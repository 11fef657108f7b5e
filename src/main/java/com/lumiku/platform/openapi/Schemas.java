package com.lumiku.platform.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schemas of the API's types, read from the Java types as JSON-B writes them: a record is an
 * object of its components (under their {@code @JsonbProperty} names), a {@code UUID} a string of
 * format uuid, a time a date-time string, a list an array of its element. Payara's scanner writes
 * UUIDs and times as objects, leaves arrays without items and skips the element types of generic
 * pages, so the document's schemas of records come from here ({@link ContractDefaults}).
 */
final class Schemas {

  private Schemas() {}

  /** The schema of a value of this type: a reference for a record, inline otherwise. */
  static Schema of(Type type) {
    if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
      Type[] arguments = generic.getActualTypeArguments();
      if (raw == com.lumiku.platform.Page.class) {
        return ContractDefaults.pageOf(arguments[0]);
      }
      if (Collection.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(of(arguments[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .additionalPropertiesSchema(of(arguments[1]));
      }
      return of(raw);
    }
    if (!(type instanceof Class<?> plain)) {
      return anyValue();
    }
    if (plain == String.class || plain == char.class || plain == Character.class) {
      return scalar(Schema.SchemaType.STRING, null);
    }
    if (plain == UUID.class) {
      return scalar(Schema.SchemaType.STRING, "uuid");
    }
    if (plain == OffsetDateTime.class
        || plain == Instant.class
        || plain == ZonedDateTime.class
        || plain == LocalDateTime.class) {
      return scalar(Schema.SchemaType.STRING, "date-time");
    }
    if (plain == LocalDate.class) {
      return scalar(Schema.SchemaType.STRING, "date");
    }
    if (plain == boolean.class || plain == Boolean.class) {
      return scalar(Schema.SchemaType.BOOLEAN, null);
    }
    if (plain == int.class || plain == Integer.class || plain == short.class) {
      return scalar(Schema.SchemaType.INTEGER, "int32");
    }
    if (plain == long.class || plain == Long.class || plain == BigInteger.class) {
      return scalar(Schema.SchemaType.INTEGER, "int64");
    }
    if (plain == double.class || plain == Double.class || plain == float.class) {
      return scalar(Schema.SchemaType.NUMBER, null);
    }
    if (plain == BigDecimal.class) {
      return scalar(Schema.SchemaType.NUMBER, null);
    }
    if (plain == byte[].class) {
      return scalar(Schema.SchemaType.STRING, "byte");
    }
    if (plain.isArray()) {
      return OASFactory.createSchema()
          .type(Schema.SchemaType.ARRAY)
          .items(of(plain.getComponentType()));
    }
    if (plain.isEnum()) {
      return OASFactory.createSchema()
          .type(Schema.SchemaType.STRING)
          .enumeration(
              Arrays.stream(plain.getEnumConstants())
                  .map(c -> (Object) ((Enum<?>) c).name())
                  .toList());
    }
    if (plain == JsonArray.class) {
      return OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(anyValue());
    }
    if (plain == JsonObject.class) {
      return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    }
    if (JsonValue.class.isAssignableFrom(plain) || plain == Object.class) {
      return anyValue();
    }
    if (plain.isRecord()) {
      return OASFactory.createSchema().ref(ContractDefaults.schemaName(plain));
    }
    return OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
  }

  /** A record's own schema: an object of its components, with its {@code @Schema} texts. */
  static Schema ofRecord(Class<?> record) {
    Schema schema = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    for (RecordComponent component : record.getRecordComponents()) {
      if (Constraints.has(component, JsonbTransient.class)) {
        continue;
      }
      schema.addProperty(propertyName(component), of(component.getGenericType()));
    }
    var described =
        record.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    if (described != null) {
      if (!described.description().isEmpty()) {
        schema.setDescription(described.description());
      }
      if (!described.example().isEmpty()) {
        schema.setExample(Examples.parsed(described.example()));
      }
    }
    Constraints.apply(record, schema);
    return schema;
  }

  /** The name JSON-B gives the component: its {@code @JsonbProperty}, else its own. */
  static String propertyName(RecordComponent component) {
    JsonbProperty renamed = Constraints.find(component, JsonbProperty.class);
    if (renamed == null) {
      renamed = component.getAnnotation(JsonbProperty.class);
    }
    return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
  }

  /**
   * Clears what Payara writes for every attribute an annotation left at its default ({@code
   * maxProperties: 0}, which no object with properties keeps, {@code minLength: 0}, {@code
   * nullable: false}, ...), through the whole schema.
   */
  static void tidy(Schema schema) {
    if (schema == null) {
      return;
    }
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinItems())) {
      schema.setMinItems(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(Schemas::tidy);
    }
    tidy(schema.getItems());
    tidy(schema.getAdditionalPropertiesSchema());
    for (List<Schema> group :
        Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
      if (group != null) {
        group.forEach(Schemas::tidy);
      }
    }
  }

  private static Schema scalar(Schema.SchemaType type, String format) {
    Schema schema = OASFactory.createSchema().type(type);
    return format == null ? schema : schema.format(format);
  }

  /** Any JSON value (an empty schema, with a description so that it is written at all). */
  private static Schema anyValue() {
    return OASFactory.createSchema().description("Any JSON value.");
  }
}
