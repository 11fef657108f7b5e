package com.lumiku.generations.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One paid piece of work of an app (e.g. an avatar drawn from a prompt), from the charge to its
 * result. Its status changes only through conditional updates on the current status (see {@code
 * StatusChanges} and {@link GenerationTransition}), so a redelivered message, a cancel and a second
 * instance can never both win.
 */
@Entity
@Table(name = "generations")
public class Generation {

  /** The ledger's reference type for a generation's charge and refund (reference id: its id). */
  public static final String LEDGER_REFERENCE = "generation";

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String app;

  @Column(nullable = false)
  private String type;

  @Column(nullable = false)
  private GenerationStatus status;

  @Column(nullable = false)
  private int progress;

  @Column(nullable = false)
  private int attempts;

  /** Why it failed (or why its last attempt did): a stable code, e.g. {@code gave-up}. */
  @Column(name = "error_code")
  private String errorCode;

  /** The same, in a sentence its owner may read. */
  @Column(name = "error_message")
  private String errorMessage;

  /** The same, for operators: exception text, a provider's answer. Never shown to users. */
  @Column(name = "error_detail")
  private String errorDetail;

  /** Who ended it; null while it is pending or processing. */
  @Column(name = "ended_by")
  private String endedBy;

  @Column(name = "credit_cost", nullable = false)
  private long creditCost;

  @Column(nullable = false)
  private boolean refunded;

  /** What the app needs to do the work, as JSON. */
  @Column(nullable = false)
  private String parameters;

  /** What the work produced, as JSON; null until completed. */
  private String result;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Generation() {}

  /** A new generation, charged {@code creditCost} and waiting for a worker. */
  public static Generation pending(
      UUID userId, String app, String type, long creditCost, String parameters) {
    Generation generation = new Generation();
    OffsetDateTime now = UtcClock.now();
    generation.id = UUID.randomUUID();
    generation.userId = userId;
    generation.app = app;
    generation.type = type;
    generation.status = GenerationStatus.PENDING;
    generation.creditCost = creditCost;
    generation.parameters = parameters;
    generation.createdAt = now;
    generation.updatedAt = now;
    return generation;
  }

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public String app() {
    return app;
  }

  public String type() {
    return type;
  }

  public GenerationStatus status() {
    return status;
  }

  public int progress() {
    return progress;
  }

  public int attempts() {
    return attempts;
  }

  /** Why it failed, or null: code, safe message and internal detail together. */
  public GenerationError error() {
    return errorCode == null ? null : new GenerationError(errorCode, errorMessage, errorDetail);
  }

  public EndedBy endedBy() {
    return endedBy == null ? null : EndedBy.ofCode(endedBy);
  }

  public long creditCost() {
    return creditCost;
  }

  public boolean refunded() {
    return refunded;
  }

  public String parameters() {
    return parameters;
  }

  public String result() {
    return result;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public OffsetDateTime completedAt() {
    return completedAt;
  }
}
