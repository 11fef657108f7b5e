package com.lumiku.generations.boundary;

import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.Job;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.storage.ImageUrls;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One job of a generation (one part of a batch) as its owner sees it, its result included;
 * operators also see who ended it and the internal detail of its failure ({@code endedBy}, {@code
 * errorDetail}: absent for owners).
 */
@JsonbPropertyOrder({
  "id",
  "generationId",
  "position",
  "status",
  "attempts",
  "errorCode",
  "errorMessage",
  "creditCost",
  "refunded",
  "startedAt",
  "completedAt",
  "result",
  "endedBy",
  "errorDetail"
})
public record JobView(
    UUID id,
    UUID generationId,
    int position,
    String status,
    int attempts,
    String errorCode,
    String errorMessage,
    long creditCost,
    boolean refunded,
    OffsetDateTime startedAt,
    OffsetDateTime completedAt,
    JsonObject result,
    String endedBy,
    String errorDetail) {

  /** The job as its owner sees it, the image paths of its result signed for this answer. */
  public static JobView forOwner(Job job, ImageUrls images) {
    return of(job, false, images);
  }

  /** The job as operators see it, the image paths of its result signed for this answer. */
  public static JobView forOperators(Job job, ImageUrls images) {
    return of(job, true, images);
  }

  private static JobView of(Job job, boolean operators, ImageUrls images) {
    GenerationError error = job.error();
    return new JobView(
        job.id(),
        job.generationId(),
        job.position(),
        job.status().code(),
        job.attempts(),
        error == null ? null : error.code(),
        error == null ? null : error.message(),
        job.creditCost(),
        job.refunded(),
        job.startedAt(),
        job.completedAt(),
        job.result() == null ? null : images.signAll(JsonDocuments.parseObject(job.result())),
        operators && job.endedBy() != null ? job.endedBy().code() : null,
        operators && error != null ? error.detail() : null);
  }
}
