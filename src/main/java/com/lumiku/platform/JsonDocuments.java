package com.lumiku.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * JSON-P and JSON-B, each looked up once. {@code jakarta.json.Json}'s static methods look the
 * provider up again on every call, which in Payara scans the class path (ServiceLoader, then OSGi):
 * measured at about a tenth of a charging request's CPU (bench/RESULTS.md); a {@code Jsonb} costs a
 * lookup and builds its own caches. Use these instead.
 */
public final class JsonDocuments {

  private static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final Jsonb BINDING = JsonbBuilder.create();

  private JsonDocuments() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonArrayBuilder array() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonString string(String value) {
    return PROVIDER.createValue(value);
  }

  /**
   * Reads a JSON object.
   *
   * @throws jakarta.json.JsonException if the text is not JSON
   * @throws ClassCastException if it is JSON but not an object
   */
  public static JsonObject parseObject(String json) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /**
   * Reads a JSON array.
   *
   * @throws jakarta.json.JsonException if the text is not JSON
   * @throws ClassCastException if it is JSON but not an array
   */
  public static JsonArray parseArray(String json) {
    try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  /** A value as JSON text (JSON-B: records by their components, in alphabetical order). */
  public static String toJson(Object value) {
    return BINDING.toJson(value);
  }

  /**
   * Reads JSON text into a type (JSON-B).
   *
   * @throws jakarta.json.bind.JsonbException if the text is not JSON of that shape
   */
  public static <T> T fromJson(String json, Class<T> type) {
    return BINDING.fromJson(json, type);
  }

  /**
   * Reads JSON text that is either an array of values of a type or one value alone (JSON-B), as a
   * list: for message bodies that carry a batch, or one item from a sender that predates batches.
   *
   * @throws jakarta.json.bind.JsonbException if the text is neither
   */
  public static <T> List<T> oneOrMany(String json, Class<T> type) {
    if (!json.stripLeading().startsWith("[")) {
      return Collections.singletonList(fromJson(json, type));
    }
    @SuppressWarnings("unchecked")
    Class<T[]> arrayType = (Class<T[]>) Array.newInstance(type, 0).getClass();
    T[] values = fromJson(json, arrayType);
    return values == null ? Collections.emptyList() : Arrays.asList(values);
  }

  /**
   * Reads JSON text into a type, generic ones included (JSON-B).
   *
   * @throws jakarta.json.bind.JsonbException if the text is not JSON of that shape
   */
  public static <T> T fromJson(String json, java.lang.reflect.Type type) {
    return BINDING.fromJson(json, type);
  }

  /**
   * The one JSON value a text holds, whatever its type; unlike a reader's, refuses anything after
   * it.
   *
   * @throws jakarta.json.JsonException if the text is not one JSON value
   */
  public static JsonValue parseValue(String json) {
    try (JsonParser parser = PROVIDER.createParser(new StringReader(json))) {
      if (!parser.hasNext()) {
        throw new JsonParsingException("No JSON value", parser.getLocation());
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw new JsonParsingException("More after the JSON value", parser.getLocation());
      }
      return value;
    }
  }

  /** A reader over bytes, for values that may not be objects. */
  public static JsonReader reader(InputStream json) {
    return PROVIDER.createReader(json);
  }
}
