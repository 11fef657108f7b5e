package com.lumiku.avatars.control;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonObject;
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
    return JsonDocuments.object()
        .add("projectId", projectId.toString())
        .add("name", name)
        .add("prompt", prompt)
        .add("width", width)
        .add("height", height)
        .build()
        .toString();
  }

  public static AvatarPrompt fromJson(String json) {
    JsonObject body = JsonDocuments.parseObject(json);
    return new AvatarPrompt(
        UUID.fromString(body.getString("projectId")),
        body.getString("name"),
        body.getString("prompt"),
        body.getInt("width"),
        body.getInt("height"));
  }
}
