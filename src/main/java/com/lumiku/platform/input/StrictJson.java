package com.lumiku.platform.input;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads request bodies strictly, before JSON-B binds them: JSON-B on its own turns a number or a
 * boolean into a string, a string into a number and truncates {@code 512.5} to 512, so a body that
 * is wrong would be charged as if it were right. Here every value must have its field's JSON type
 * (a string for text, ids, choices and times; a whole number in range for integers; true or false
 * for flags; an array for lists; an object for nested records), and no text may hold control
 * characters ({@link MultiLine} fields may have line breaks and tabs). One 400 names every broken
 * field. Fields the type does not have are ignored, as JSON-B ignores them.
 *
 * <p>Bodies are records, lists and the JSON-P types; a record component of any other type is a
 * programming error, refused so that it cannot slip through unchecked (RequestBodiesTest checks
 * every body of the API).
 */
public final class StrictJson {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final int DEEPEST = 32;

  private StrictJson() {}

  /**
   * The body as {@code type}, bound by JSON-B once every value has its field's JSON type.
   *
   * @throws ProblemException 400 for a body that is not JSON, not of the type's shape, or holds
   *     control characters
   */
  public static <T> T read(String json, Type type) {
    return read(json, type, "body");
  }

  /**
   * A JSON text that is one field of a request (a multipart field holding an object, say) as {@code
   * type}: like {@link #read(String, Type)}, with the errors named under {@code field}.
   */
  public static <T> T read(String json, Type type, String field) {
    JsonValue document;
    try {
      document = JsonDocuments.parseValue(json);
    } catch (RuntimeException notJson) {
      // Whatever the parser throws (JsonParsingException, or Parsson's plain RuntimeException for
      // nesting deeper than its limit), the client sent no JSON this API reads.
      throw notJson(field, "is not valid JSON.");
    }
    FieldRules.refuseIfAny(check(document, type, field));
    try {
      return JsonDocuments.fromJson(json, type);
    } catch (JsonbException | DateTimeException unbound) {
      throw notJson(field, "is not valid JSON for this operation.");
    }
  }

  private static ProblemException notJson(String field, String what) {
    return field.equals("body")
        ? ProblemException.badRequest("The request body " + what)
        : ProblemException.invalid(List.of(new FieldError(field, what)));
  }

  /** What is wrong with {@code document} as a {@code type}, one entry per broken field. */
  public static List<FieldError> check(JsonValue document, Type type) {
    return check(document, type, "body");
  }

  private static List<FieldError> check(JsonValue document, Type type, String field) {
    List<FieldError> errors = new ArrayList<>();
    if (!supported(type)) {
      throw new IllegalArgumentException(type + " is not a request body type StrictJson knows");
    }
    if (document.getValueType() == JsonValue.ValueType.NULL) {
      errors.add(new FieldError(field, "must be a JSON object."));
    } else {
      value(field, document, type, Lines.ONE, errors, 0);
    }
    return errors;
  }

  /**
   * Whether StrictJson can check bodies of this type (and everything it holds). Asked on every
   * request body, so the answer is kept per type (the API's body types are few and fixed).
   */
  public static boolean supported(Type type) {
    return SUPPORTED.computeIfAbsent(type, t -> supported(t, 0));
  }

  private static final Map<Type, Boolean> SUPPORTED = new ConcurrentHashMap<>();

  /**
   * A record's checked components, read by reflection once per record type: reading them again for
   * every body (record components are copied on each call) cost a few percent of an order's CPU
   * (bench/RESULTS.md).
   */
  private static final ClassValue<List<Component>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
          return Arrays.stream(type.getRecordComponents())
              .filter(component -> !component.isAnnotationPresent(JsonbTransient.class))
              .map(
                  component ->
                      new Component(
                          propertyName(component),
                          component.getGenericType(),
                          component.isAnnotationPresent(MultiLine.class) ? Lines.MANY : Lines.ONE))
              .toList();
        }
      };

  /** A record component as a body field: its JSON name, its type, whether it may hold lines. */
  private record Component(String name, Type type, Lines lines) {}

  private static boolean supported(Type type, int depth) {
    if (depth > DEEPEST) {
      return false;
    }
    Class<?> raw = raw(type);
    if (simple(raw) || JsonValue.class.isAssignableFrom(raw)) {
      return true;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return type instanceof ParameterizedType list
          && supported(list.getActualTypeArguments()[0], depth + 1);
    }
    if (raw.isRecord()) {
      for (Component component : COMPONENTS.get(raw)) {
        if (!supported(component.type(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean simple(Class<?> raw) {
    return raw == String.class
        || integral(raw)
        || raw == BigDecimal.class
        || raw == Double.class
        || raw == double.class
        || raw == Boolean.class
        || raw == boolean.class
        || raw == UUID.class
        || raw == OffsetDateTime.class
        || raw.isEnum();
  }

  private static boolean integral(Class<?> raw) {
    return raw == Integer.class
        || raw == int.class
        || raw == Long.class
        || raw == long.class
        || raw == Short.class
        || raw == short.class;
  }

  private static void value(
      String field, JsonValue json, Type type, Lines lines, List<FieldError> errors, int depth) {
    Class<?> raw = raw(type);
    JsonValue.ValueType kind = json.getValueType();
    if (kind == JsonValue.ValueType.NULL) {
      if (raw.isPrimitive()) {
        errors.add(new FieldError(field, "must not be null."));
      }
      return;
    }
    if (depth > DEEPEST) {
      errors.add(new FieldError(field, "is nested too deeply."));
      return;
    }
    if (JsonValue.class.isAssignableFrom(raw)) {
      if (!raw.isInstance(json)) {
        errors.add(new FieldError(field, "must be " + jsonKind(raw) + "."));
      } else {
        texts(field, json, errors, depth);
      }
    } else if (raw == String.class || raw.isEnum()) {
      text(field, json, lines, "must be a string.", errors);
    } else if (raw == UUID.class) {
      String text = text(field, json, Lines.ONE, "must be an id (a UUID string).", errors);
      if (text != null && !UUID_TEXT.matcher(text).matches()) {
        errors.add(new FieldError(field, "must be an id (a UUID string)."));
      }
    } else if (raw == OffsetDateTime.class) {
      time(field, json, errors);
    } else if (integral(raw)) {
      whole(field, json, raw, errors);
    } else if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      if (kind != JsonValue.ValueType.NUMBER) {
        errors.add(new FieldError(field, "must be a number."));
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (kind != JsonValue.ValueType.TRUE && kind != JsonValue.ValueType.FALSE) {
        errors.add(new FieldError(field, "must be true or false."));
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (!(json instanceof JsonArray array)) {
        errors.add(new FieldError(field, "must be an array."));
        return;
      }
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      for (int i = 0; i < array.size(); i++) {
        value(field + "[" + i + "]", array.get(i), element, lines, errors, depth + 1);
      }
    } else if (raw.isRecord()) {
      record(field, json, raw, errors, depth);
    } else {
      throw new IllegalArgumentException(type + " is not a request body type StrictJson knows");
    }
  }

  private static void record(
      String field, JsonValue json, Class<?> type, List<FieldError> errors, int depth) {
    if (!(json instanceof JsonObject object)) {
      errors.add(new FieldError(field, "must be a JSON object."));
      return;
    }
    for (Component component : COMPONENTS.get(type)) {
      JsonValue member = object.get(component.name());
      if (member != null) {
        String path = field.equals("body") ? component.name() : field + "." + component.name();
        value(path, member, component.type(), component.lines(), errors, depth + 1);
      }
    }
  }

  private static String propertyName(RecordComponent component) {
    JsonbProperty renamed = component.getAnnotation(JsonbProperty.class);
    if (renamed == null) {
      try {
        renamed =
            component
                .getDeclaringRecord()
                .getDeclaredField(component.getName())
                .getAnnotation(JsonbProperty.class);
      } catch (NoSuchFieldException impossible) {
        renamed = null;
      }
    }
    return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
  }

  private static String text(
      String field, JsonValue json, Lines lines, String rule, List<FieldError> errors) {
    if (!(json instanceof JsonString string)) {
      errors.add(new FieldError(field, rule));
      return null;
    }
    String text = string.getString();
    if (FieldRules.hasControlCharacter(text, lines)) {
      errors.add(new FieldError(field, FieldRules.controlCharacterRule(lines)));
      return null;
    }
    return text;
  }

  private static void time(String field, JsonValue json, List<FieldError> errors) {
    String rule =
        "must be a date-time with an offset (2025-01-31T08:00:00Z) in the years 1 to 9999.";
    String text = text(field, json, Lines.ONE, rule, errors);
    if (text == null) {
      return;
    }
    try {
      int year = OffsetDateTime.parse(text).getYear();
      if (year >= 1 && year <= 9999) {
        return;
      }
    } catch (DateTimeException notATime) {
      // refused below
    }
    errors.add(new FieldError(field, rule));
  }

  private static void whole(String field, JsonValue json, Class<?> type, List<FieldError> errors) {
    long min =
        type == Integer.class || type == int.class
            ? Integer.MIN_VALUE
            : type == Short.class || type == short.class ? Short.MIN_VALUE : Long.MIN_VALUE;
    long max =
        type == Integer.class || type == int.class
            ? Integer.MAX_VALUE
            : type == Short.class || type == short.class ? Short.MAX_VALUE : Long.MAX_VALUE;
    String rule = "must be a whole number from " + min + " to " + max + ".";
    if (!(json instanceof JsonNumber number) || !number.isIntegral()) {
      errors.add(new FieldError(field, rule));
      return;
    }
    BigDecimal exact = number.bigDecimalValue();
    if (exact.precision() > 19) {
      errors.add(new FieldError(field, rule));
      return;
    }
    BigInteger whole = exact.toBigIntegerExact();
    if (whole.compareTo(BigInteger.valueOf(min)) < 0
        || whole.compareTo(BigInteger.valueOf(max)) > 0) {
      errors.add(new FieldError(field, rule));
    }
  }

  /** The strings anywhere inside a free-form JSON value: none may hold control characters. */
  private static void texts(String field, JsonValue json, List<FieldError> errors, int depth) {
    if (depth > DEEPEST) {
      errors.add(new FieldError(field, "is nested too deeply."));
    } else if (json instanceof JsonString string) {
      text(field, string, Lines.ONE, "must be a string.", errors);
    } else if (json instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        texts(field + "[" + i + "]", array.get(i), errors, depth + 1);
      }
    } else if (json instanceof JsonObject object) {
      object.forEach(
          (name, member) -> {
            if (FieldRules.hasControlCharacter(name, Lines.ONE)) {
              errors.add(new FieldError(field, FieldRules.controlCharacterRule(Lines.ONE)));
            } else {
              texts(field + "." + name, member, errors, depth + 1);
            }
          });
    }
  }

  private static String jsonKind(Class<?> type) {
    if (JsonArray.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (JsonObject.class.isAssignableFrom(type)) {
      return "a JSON object";
    }
    return "a JSON value";
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> plain) {
      return plain;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }
}
