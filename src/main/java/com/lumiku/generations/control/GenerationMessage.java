package com.lumiku.generations.control;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * What travels on a work queue: which generation to work on and of which type, as a small JSON
 * text, e.g. {@code {"generationId":"…","type":"avatar.from-prompt"}}. Everything else is read from
 * the database, which is the truth.
 */
public record GenerationMessage(UUID generationId, String type) {

  public String toJson() {
    return JsonDocuments.object()
        .add("generationId", generationId.toString())
        .add("type", type)
        .build()
        .toString();
  }

  /**
   * Reads a message body.
   *
   * @throws IllegalArgumentException if it is not a generation message
   */
  public static GenerationMessage parse(String json) {
    try {
      JsonObject body = JsonDocuments.parseObject(json);
      return new GenerationMessage(
          UUID.fromString(body.getString("generationId")), body.getString("type", ""));
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("Not a generation message: " + json, e);
    }
  }
}
