package com.lumiku.platform.openapi;

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
      String name = Schemas.propertyName(component);
      Schema property = schema.getProperties().get(name);
      if (property == null) {
        continue;
      }
      boolean text = component.getType() == String.class;
      boolean many =
          Collection.class.isAssignableFrom(component.getType()) || component.getType().isArray();
      if (has(component, NotNull.class)
          || has(component, NotBlank.class)
          || has(component, NotEmpty.class)) {
        if (schema.getRequired() == null || !schema.getRequired().contains(name)) {
          schema.addRequired(name);
        }
      }
      if (has(component, NotBlank.class)) {
        property.setPattern("\\S");
      }
      if (has(component, NotEmpty.class)) {
        if (text) {
          property.setMinLength(1);
        } else if (many) {
          property.setMinItems(1);
        }
      }
      Size size = find(component, Size.class);
      if (size != null) {
        if (text) {
          property.setMinLength(size.min() > 0 ? size.min() : null);
          property.setMaxLength(size.max() < Integer.MAX_VALUE ? size.max() : null);
        } else if (many) {
          property.setMinItems(size.min() > 0 ? size.min() : null);
          property.setMaxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
        }
      }
      Min min = find(component, Min.class);
      if (min != null) {
        property.setMinimum(BigDecimal.valueOf(min.value()));
      }
      Max max = find(component, Max.class);
      if (max != null) {
        property.setMaximum(BigDecimal.valueOf(max.value()));
      }
      DecimalMin decimalMin = find(component, DecimalMin.class);
      if (decimalMin != null) {
        property.setMinimum(new BigDecimal(decimalMin.value()));
        property.setExclusiveMinimum(decimalMin.inclusive() ? null : true);
      }
      DecimalMax decimalMax = find(component, DecimalMax.class);
      if (decimalMax != null) {
        property.setMaximum(new BigDecimal(decimalMax.value()));
        property.setExclusiveMaximum(decimalMax.inclusive() ? null : true);
      }
      if (has(component, Positive.class)) {
        property.setMinimum(BigDecimal.ZERO);
        property.setExclusiveMinimum(true);
      }
      if (has(component, PositiveOrZero.class)) {
        property.setMinimum(BigDecimal.ZERO);
      }
      if (has(component, Negative.class)) {
        property.setMaximum(BigDecimal.ZERO);
        property.setExclusiveMaximum(true);
      }
      if (has(component, NegativeOrZero.class)) {
        property.setMaximum(BigDecimal.ZERO);
      }
      if (has(component, Email.class)) {
        property.setFormat("email");
      }
      Pattern pattern = find(component, Pattern.class);
      if (pattern != null) {
        property.setPattern(pattern.regexp());
      }
    }
  }

  /**
   * A constraint of a record component. Constraints do not target record components, so Java puts
   * them on the component's field, accessor and constructor parameter only: read the field's.
   */
  static <A extends java.lang.annotation.Annotation> A find(
      RecordComponent component, Class<A> type) {
    try {
      A onField =
          component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
      return onField != null ? onField : component.getAccessor().getAnnotation(type);
    } catch (NoSuchFieldException impossible) {
      return component.getAccessor().getAnnotation(type);
    }
  }

  static boolean has(
      RecordComponent component, Class<? extends java.lang.annotation.Annotation> type) {
    return find(component, type) != null;
  }

  /** The types a route takes and gives: its parameters' and its return type. */
  static Set<Type> typesOf(Route route) {
    Set<Type> types = new java.util.LinkedHashSet<>();
    types.add(route.method().getGenericReturnType());
    types.addAll(java.util.List.of(route.method().getGenericParameterTypes()));
    return types;
  }
}
