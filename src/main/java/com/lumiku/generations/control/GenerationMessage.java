package com.lumiku.generations.control;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.UUID;

/**
 * What travels on a work queue: which job of which generation to work on and of which type, as a
 * small JSON text (JSON-B), e.g. {@code
 * {"generationId":"…","jobId":"…","type":"avatar.from-prompt"}}. Everything else is read from the
 * database, which is the truth. A message without a job (queued before generations had jobs) names
 * the generation's only job, which has the generation's id.
 *
 * <p>A message may also carry a bundle: a JSON array of these, jobs of quick types that were queued
 * in one transaction (see {@link GenerationJob#quick}), done by one worker in one transaction.
 */
public record GenerationMessage(UUID generationId, UUID jobId, String type) {

  public String toJson() {
    return JsonDocuments.toJson(this);
  }

  /** The body of a message that carries these jobs: one alone as itself, several as an array. */
  public static String toJson(List<GenerationMessage> bundle) {
    if (bundle.isEmpty()) {
      throw new IllegalArgumentException("An empty bundle");
    }
    return bundle.size() == 1 ? bundle.get(0).toJson() : JsonDocuments.toJson(bundle);
  }

  /**
   * Reads a message body: one job, or a bundle of them.
   *
   * @throws IllegalArgumentException if it is neither
   */
  public static List<GenerationMessage> parseAll(String json) {
    List<GenerationMessage> messages;
    try {
      messages = JsonDocuments.oneOrMany(json, GenerationMessage.class);
    } catch (JsonbException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a generation message or bundle: " + json, e);
    }
    if (messages.isEmpty() || messages.contains(null)) {
      throw new IllegalArgumentException("Not a generation message or bundle: " + json);
    }
    return messages.stream().map(GenerationMessage::complete).toList();
  }

  /**
   * Reads a message body of one job.
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
    if (message == null) {
      throw new IllegalArgumentException("Not a generation message: " + json);
    }
    return complete(message);
  }

  /** The message with its defaults: the generation's own job, no type. */
  private static GenerationMessage complete(GenerationMessage message) {
    if (message.generationId() == null) {
      throw new IllegalArgumentException("Not a generation message: " + message);
    }
    return new GenerationMessage(
        message.generationId(),
        message.jobId() == null ? message.generationId() : message.jobId(),
        message.type() == null ? "" : message.type());
  }
}
