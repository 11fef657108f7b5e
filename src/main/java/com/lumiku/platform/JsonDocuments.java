package com.lumiku.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.StringReader;

/**
 * JSON-P, looked up once. {@code jakarta.json.Json}'s static methods look the provider up again on
 * every call, which in Payara scans the class path (ServiceLoader, then OSGi): measured at about a
 * tenth of a charging request's CPU (bench/RESULTS.md). Use these instead.
 */
public final class JsonDocuments {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonDocuments() {}

  public static JsonObjectBuilder object() {
    return PROVIDER.createObjectBuilder();
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

  /** A reader over bytes, for values that may not be objects. */
  public static JsonReader reader(InputStream json) {
    return PROVIDER.createReader(json);
  }
}
