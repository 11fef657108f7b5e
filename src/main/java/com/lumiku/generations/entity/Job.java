package com.lumiku.generations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One unit of work of a generation (one pose of a batch; the only one of an avatar), done by one
 * message: its own attempts, outcome, result and refund of its share of the charge. Its status
 * changes only through conditional updates ({@link JobTransition}).
 */
@Entity
@Table(name = "generation_jobs")
public class Job {

  /**
   * The ledger's reference type of a refunded job of a batch (a single job's names its generation).
   */
  public static final String LEDGER_REFERENCE = "generation-job";

  @Id private UUID id;

  @Column(name = "generation_id", nullable = false)
  private UUID generationId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private GenerationStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "credit_cost", nullable = false)
  private long creditCost;

  /** Its share of the quota units its generation was paid with (0: paid with credits). */
  @Column(name = "quota_units", nullable = false)
  private int quotaUnits;

  @Column(nullable = false)
  private boolean refunded;

  /** What the app needs for this job, as JSON (beside its generation's parameters). */
  @Column(nullable = false)
  private String parameters;

  private String result;

  @Column(name = "error_code")
  private String errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "error_detail")
  private String errorDetail;

  @Column(name = "ended_by")
  private String endedBy;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Job() {}

  /** A new job of a new generation, waiting for a worker. */
  static Job pending(UUID id, Generation generation, int position, Generation.JobOrder order) {
    Job job = new Job();
    job.id = id;
    job.generationId = generation.id();
    job.position = position;
    job.status = GenerationStatus.PENDING;
    job.creditCost = order.creditCost();
    job.quotaUnits = order.quotaUnits();
    job.parameters = order.parameters();
    job.createdAt = generation.createdAt();
    job.updatedAt = generation.createdAt();
    return job;
  }

  /**
   * What the ledger's refund of this job names: the generation itself when it is its only job (the
   * job has its id), else the job.
   */
  public String ledgerReferenceType() {
    return ledgerReferenceType(id, generationId);
  }

  /** The same, from the two ids. */
  public static String ledgerReferenceType(UUID jobId, UUID generationId) {
    return jobId.equals(generationId) ? Generation.LEDGER_REFERENCE : LEDGER_REFERENCE;
  }

  public UUID id() {
    return id;
  }

  public UUID generationId() {
    return generationId;
  }

  public int position() {
    return position;
  }

  public GenerationStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public long creditCost() {
    return creditCost;
  }

  public int quotaUnits() {
    return quotaUnits;
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

  /** Why it failed, or why its last attempt did; null if nothing failed. */
  public GenerationError error() {
    return errorCode == null ? null : new GenerationError(errorCode, errorMessage, errorDetail);
  }

  public EndedBy endedBy() {
    return endedBy == null ? null : EndedBy.ofCode(endedBy);
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public OffsetDateTime completedAt() {
    return completedAt;
  }
}
