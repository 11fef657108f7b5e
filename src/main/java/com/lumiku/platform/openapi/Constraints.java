package com.lumiku.platform.openapi;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Bean-validation constraints of the API's records, written into their schemas: the same rules the
 * server applies, from the one place they are declared (Payara's own reading of them is switched
 * off, see {@code mp.openapi.scan.beanvalidation}). Covers the records reachable from the routes'
 * parameters and return types, through their components.
 */
final class Constraints {

  private Constraints() {}

  /** The records reachable from these types, by the name of their schema. */
  static Map<String, Class<?>> records(Collection<Type> roots) {
    Map<String, Class<?>> found = new LinkedHashMap<>();
    roots.forEach(root -> collect(root, found));
    return found;
  }

  private static void collect(Type type, Map<String, Class<?>> found) {
    if (type instanceof ParameterizedType parameterized) {
      collect(parameterized.getRawType(), found);
      for (Type argument : parameterized.getActualTypeArguments()) {
        collect(argument, found);
      }
    } else if (type instanceof Class<?> plain
        && plain.isRecord()
        && found.putIfAbsent(ContractDefaults.schemaName(plain), plain) == null) {
      for (RecordComponent component : plain.getRecordComponents()) {
        collect(component.getGenericType(), found);
      }
    }
  }

  /** Writes the record's constraints into its schema's properties (and its required list). */
  static void apply(Class<?> record, Schema schema) {
    if (schema.getProperties() == null) {
      return;
    }
    for (RecordComponent component : record.getRecordComponents()) {
      JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
      if (renamed == null) {
        renamed = component.getAnnotation(JsonbProperty.class);
      }
      String name = renamed != null ? renamed.value() : component.getName();
      Schema property = schema.getProperties().get(name);
      if (property == null) {
        continue;
      }
      boolean text = component.getType() == String.class;
      boolean many =
          Collection.class.isAssignableFrom(component.getType()) || component.getType().isArray();
      if (component.isAnnotationPresent(NotNull.class)
          || component.isAnnotationPresent(NotBlank.class)
          || component.isAnnotationPresent(NotEmpty.class)) {
        if (schema.getRequired() == null || !schema.getRequired().contains(name)) {
          schema.addRequired(name);
        }
      }
      if (component.isAnnotationPresent(NotBlank.class)) {
        property.setPattern("\\S");
      }
      if (component.isAnnotationPresent(NotEmpty.class)) {
        if (text) {
          property.setMinLength(1);
        } else if (many) {
          property.setMinItems(1);
        }
      }
      Size size = component.getAnnotation(Size.class);
      if (size != null) {
        if (text) {
          property.setMinLength(size.min() > 0 ? size.min() : null);
          property.setMaxLength(size.max() < Integer.MAX_VALUE ? size.max() : null);
        } else if (many) {
          property.setMinItems(size.min() > 0 ? size.min() : null);
          property.setMaxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
        }
      }
      Min min = component.getAnnotation(Min.class);
      if (min != null) {
        property.setMinimum(BigDecimal.valueOf(min.value()));
      }
      Max max = component.getAnnotation(Max.class);
      if (max != null) {
        property.setMaximum(BigDecimal.valueOf(max.value()));
      }
      DecimalMin decimalMin = component.getAnnotation(DecimalMin.class);
      if (decimalMin != null) {
        property.setMinimum(new BigDecimal(decimalMin.value()));
        property.setExclusiveMinimum(decimalMin.inclusive() ? null : true);
      }
      DecimalMax decimalMax = component.getAnnotation(DecimalMax.class);
      if (decimalMax != null) {
        property.setMaximum(new BigDecimal(decimalMax.value()));
        property.setExclusiveMaximum(decimalMax.inclusive() ? null : true);
      }
      if (component.isAnnotationPresent(Positive.class)) {
        property.setMinimum(BigDecimal.ZERO);
        property.setExclusiveMinimum(true);
      }
      if (component.isAnnotationPresent(PositiveOrZero.class)) {
        property.setMinimum(BigDecimal.ZERO);
      }
      if (component.isAnnotationPresent(Negative.class)) {
        property.setMaximum(BigDecimal.ZERO);
        property.setExclusiveMaximum(true);
      }
      if (component.isAnnotationPresent(NegativeOrZero.class)) {
        property.setMaximum(BigDecimal.ZERO);
      }
      if (component.isAnnotationPresent(Email.class)) {
        property.setFormat("email");
      }
      Pattern pattern = component.getAnnotation(Pattern.class);
      if (pattern != null) {
        property.setPattern(pattern.regexp());
      }
    }
  }

  /** The types a route takes and gives: its parameters' and its return type. */
  static Set<Type> typesOf(Route route) {
    Set<Type> types = new java.util.LinkedHashSet<>();
    types.add(route.method().getGenericReturnType());
    types.addAll(java.util.List.of(route.method().getGenericParameterTypes()));
    return types;
  }
}
