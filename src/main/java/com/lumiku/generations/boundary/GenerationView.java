package com.lumiku.generations.boundary;

import com.lumiku.generations.control.Generations;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A generation as the API shows it: the truth about where it is, with nothing hidden. */
@JsonbPropertyOrder({
  "id",
  "app",
  "type",
  "status",
  "progress",
  "queuePosition",
  "attempts",
  "errorMessage",
  "creditCost",
  "refunded",
  "createdAt",
  "startedAt",
  "completedAt",
  "result"
})
public record GenerationView(
    UUID id,
    String app,
    String type,
    String status,
    int progress,
    Long queuePosition,
    int attempts,
    String errorMessage,
    long creditCost,
    boolean refunded,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime completedAt,
    JsonObject result) {

  /** The view as it is now, with the queue position asked of {@code generations} while pending. */
  public static GenerationView current(Generation generation, Generations generations) {
    return of(
        generation,
        generation.status() == GenerationStatus.PENDING
            ? generations.queuePosition(generation)
            : null);
  }

  /** The view; {@code queuePosition} only matters (and is only given) while pending. */
  public static GenerationView of(Generation generation, Long queuePosition) {
    return new GenerationView(
        generation.id(),
        generation.app(),
        generation.type(),
        generation.status().code(),
        generation.progress(),
        generation.status() == GenerationStatus.PENDING ? queuePosition : null,
        generation.attempts(),
        generation.errorMessage(),
        generation.creditCost(),
        generation.refunded(),
        generation.createdAt(),
        generation.startedAt(),
        generation.completedAt(),
        generation.result() == null ? null : JsonDocuments.parseObject(generation.result()));
  }
}
