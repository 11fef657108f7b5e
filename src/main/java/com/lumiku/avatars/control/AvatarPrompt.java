package com.lumiku.avatars.control;

import com.lumiku.platform.JsonDocuments;
import java.util.UUID;

/**
 * What an avatar generation draws, as stored in the generation's parameters (JSON).
 *
 * @param projectId the project the avatar goes into
 * @param name the avatar's name
 * @param prompt what to draw
 * @param width picture width in pixels
 * @param height picture height in pixels
 */
public record AvatarPrompt(UUID projectId, String name, String prompt, int width, int height) {

  public String toJson() {
    return JsonDocuments.toJson(this);
  }

  public static AvatarPrompt fromJson(String json) {
    return JsonDocuments.fromJson(json, AvatarPrompt.class);
  }
}
