package com.lumiku.platform.openapi;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An example given in an annotation is a string; one that holds a JSON object or array becomes that
 * value, so the document shows the body itself rather than a string of JSON.
 */
final class Examples {

  private Examples() {}

  static Object parsed(String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return text;
    }
    try (var reader = Json.createReader(new StringReader(trimmed))) {
      return plain(reader.readValue());
    } catch (JsonException notJson) {
      return text;
    }
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        ((JsonObject) value).forEach((key, item) -> object.put(key, plain(item)));
        yield object;
      }
      case ARRAY -> {
        List<Object> array = new ArrayList<>();
        ((JsonArray) value).forEach(item -> array.add(plain(item)));
        yield array;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> true;
      case FALSE -> false;
      case NULL -> null;
    };
  }
}
