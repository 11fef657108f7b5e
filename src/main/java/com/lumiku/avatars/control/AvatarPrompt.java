package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.SourceType;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.JsonDocuments;
import java.util.UUID;

/**
 * What an avatar generation draws, as stored in the generation's parameters (JSON): fixed when it
 * is ordered, so a preset that changes afterwards does not change an order under way. Parameters
 * stored before personas existed read with none, as generated.
 *
 * @param projectId the project the avatar goes into
 * @param name the avatar's name
 * @param prompt what to draw: the model's prompt, built from the rest ({@link PromptBuilder})
 * @param width picture width in pixels
 * @param height picture height in pixels
 * @param persona who the avatar is
 * @param attributes how it looks
 * @param sourceType {@code GENERATED}, or {@code PRESET} for an order of a preset
 * @param presetId the preset ordered, if any
 */
public record AvatarPrompt(
    UUID projectId,
    String name,
    String prompt,
    int width,
    int height,
    Persona persona,
    VisualAttributes attributes,
    SourceType sourceType,
    UUID presetId) {

  public AvatarPrompt {
    persona = persona == null ? Persona.NONE : persona;
    attributes = attributes == null ? VisualAttributes.NONE : attributes;
    sourceType = sourceType == null ? SourceType.GENERATED : sourceType;
  }

  public String toJson() {
    return JsonDocuments.toJson(this);
  }

  public static AvatarPrompt fromJson(String json) {
    return JsonDocuments.fromJson(json, AvatarPrompt.class);
  }

  /** The project an order's parameters (JSON) draw into. */
  public static UUID projectOf(String json) {
    return fromJson(json).projectId();
  }
}
