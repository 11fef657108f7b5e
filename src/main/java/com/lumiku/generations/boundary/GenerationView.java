package com.lumiku.generations.boundary;

import com.lumiku.generations.control.QueuePositions;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.storage.ImageUrls;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A generation as its owner sees it: where it is, how many of its jobs ended which way, what it
 * cost (credits, or units of a quota tier) and what came back, with nothing hidden but the internal
 * detail of a failure ({@code errorCode} is stable, {@code errorMessage} is a sentence meant for
 * people).
 */
@JsonbPropertyOrder({
  "id",
  "app",
  "type",
  "status",
  "progress",
  "jobsTotal",
  "jobsCompleted",
  "jobsFailed",
  "queuePosition",
  "attempts",
  "errorCode",
  "errorMessage",
  "creditCost",
  "creditRefunded",
  "quotaUnits",
  "quotaRefunded",
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
    int jobsTotal,
    int jobsCompleted,
    int jobsFailed,
    Long queuePosition,
    int attempts,
    String errorCode,
    String errorMessage,
    long creditCost,
    long creditRefunded,
    int quotaUnits,
    int quotaRefunded,
    boolean refunded,
    OffsetDateTime createdAt,
    OffsetDateTime startedAt,
    OffsetDateTime completedAt,
    JsonObject result) {

  /** The view as it is now, with the queue position asked while pending. */
  public static GenerationView current(
      Generation generation, QueuePositions positions, ImageUrls images) {
    return of(
        generation,
        generation.status() == GenerationStatus.PENDING ? positions.of(generation) : null,
        images);
  }

  /**
   * The view; {@code queuePosition} only matters (and is only given) while pending. The result's
   * image paths are signed now, for this answer (stored results keep unsigned paths).
   */
  public static GenerationView of(Generation generation, Long queuePosition, ImageUrls images) {
    GenerationError error = generation.error();
    return new GenerationView(
        generation.id(),
        generation.app(),
        generation.type(),
        generation.status().code(),
        generation.progress(),
        generation.jobsTotal(),
        generation.jobsCompleted(),
        generation.jobsFailed(),
        generation.status() == GenerationStatus.PENDING ? queuePosition : null,
        generation.attempts(),
        error == null ? null : error.code(),
        error == null ? null : error.message(),
        generation.creditCost(),
        generation.creditRefunded(),
        generation.quotaUnits(),
        generation.quotaRefunded(),
        generation.refunded(),
        generation.createdAt(),
        generation.startedAt(),
        generation.completedAt(),
        generation.result() == null
            ? null
            : images.signAll(JsonDocuments.parseObject(generation.result())));
  }
}
