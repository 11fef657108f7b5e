package com.lumiku.avatars.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.UUID;

/**
 * What an avatar generation draws, as stored in the generation's parameters.
 *
 * @param projectId the project the avatar goes into
 * @param name the avatar's name
 * @param prompt what to draw
 * @param width picture width in pixels
 * @param height picture height in pixels
 */
public record AvatarPrompt(UUID projectId, String name, String prompt, int width, int height) {

  public String toJson() {
    return Json.createObjectBuilder()
        .add("projectId", projectId.toString())
        .add("name", name)
        .add("prompt", prompt)
        .add("width", width)
        .add("height", height)
        .build()
        .toString();
  }

  public static AvatarPrompt fromJson(String json) {
    JsonObject body = Json.createReader(new StringReader(json)).readObject();
    return new AvatarPrompt(
        UUID.fromString(body.getString("projectId")),
        body.getString("name"),
        body.getString("prompt"),
        body.getInt("width"),
        body.getInt("height"));
  }
}
