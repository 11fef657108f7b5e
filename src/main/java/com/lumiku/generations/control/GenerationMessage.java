package com.lumiku.generations.control;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.bind.JsonbException;
import java.util.UUID;

/**
 * What travels on a work queue: which job of which generation to work on and of which type, as a
 * small JSON text (JSON-B), e.g. {@code
 * {"generationId":"…","jobId":"…","type":"avatar.from-prompt"}}. Everything else is read from the
 * database, which is the truth. A message without a job (queued before generations had jobs) names
 * the generation's only job, which has the generation's id.
 */
public record GenerationMessage(UUID generationId, UUID jobId, String type) {

  public String toJson() {
    return JsonDocuments.toJson(this);
  }

  /**
   * Reads a message body.
   *
   * @throws IllegalArgumentException if it is not a generation message
   */
  public static GenerationMessage parse(String json) {
    GenerationMessage message;
    try {
      message = JsonDocuments.fromJson(json, GenerationMessage.class);
    } catch (JsonbException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a generation message: " + json, e);
    }
    if (message == null || message.generationId() == null) {
      throw new IllegalArgumentException("Not a generation message: " + json);
    }
    return new GenerationMessage(
        message.generationId(),
        message.jobId() == null ? message.generationId() : message.jobId(),
        message.type() == null ? "" : message.type());
  }
}
