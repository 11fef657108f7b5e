package com.lumiku.generations.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One paid order of an app (an avatar drawn from a prompt, a batch of poses), from the charge to
 * its result: charged once, done as one or more {@link Job}s, ended when they all have. Its status
 * changes only through conditional updates on the current status (see {@code StatusChanges} and
 * {@link GenerationTransition}), so a redelivered message, a cancel and a second instance can never
 * both win.
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

  /** Whether its whole cost was given back (it failed or was canceled). */
  @Column(nullable = false)
  private boolean refunded;

  /** Credits given back so far: the failed jobs' shares. */
  @Column(name = "credit_refunded", nullable = false)
  private long creditRefunded;

  /** Units of the user's quota tier it was paid with instead of credits (0: paid with credits). */
  @Column(name = "quota_units", nullable = false)
  private int quotaUnits;

  /** Units of quota given back so far: the failed jobs' shares. */
  @Column(name = "quota_refunded", nullable = false)
  private int quotaRefunded;

  @Column(name = "jobs_total", nullable = false)
  private int jobsTotal;

  @Column(name = "jobs_completed", nullable = false)
  private int jobsCompleted;

  @Column(name = "jobs_failed", nullable = false)
  private int jobsFailed;

  /** What the app needs to do the work, as JSON. */
  @Column(nullable = false)
  private String parameters;

  /** What its only job produced, as JSON; null until completed, and for a batch (see its jobs). */
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

  /**
   * One job of a new generation: its share of the charge (credits, or units of quota) and its own
   * parameters.
   */
  public record JobOrder(long creditCost, int quotaUnits, String parameters) {

    /** A job paid with credits. */
    public JobOrder(long creditCost, String parameters) {
      this(creditCost, 0, parameters);
    }
  }

  /** A new generation and its jobs, waiting for workers. */
  public record NewGeneration(Generation generation, List<Job> jobs) {}

  /**
   * A new generation of these jobs (at least one), charged the sum of their costs. A single job
   * gets the generation's id, a batch's jobs ids of their own.
   */
  public static NewGeneration pending(
      UUID userId, String app, String type, String parameters, List<JobOrder> jobs) {
    return pending(UUID.randomUUID(), userId, app, type, parameters, jobs);
  }

  /** The same, with the generation's id chosen by the caller (e.g. named by a quota consumed). */
  public static NewGeneration pending(
      UUID id, UUID userId, String app, String type, String parameters, List<JobOrder> jobs) {
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("A generation needs at least one job");
    }
    Generation generation = new Generation();
    OffsetDateTime now = UtcClock.now();
    generation.id = id;
    generation.userId = userId;
    generation.app = app;
    generation.type = type;
    generation.status = GenerationStatus.PENDING;
    generation.creditCost = jobs.stream().mapToLong(JobOrder::creditCost).sum();
    generation.quotaUnits = jobs.stream().mapToInt(JobOrder::quotaUnits).sum();
    generation.parameters = parameters;
    generation.jobsTotal = jobs.size();
    generation.createdAt = now;
    generation.updatedAt = now;
    List<Job> made = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      UUID jobId = jobs.size() == 1 ? generation.id : UUID.randomUUID();
      made.add(Job.pending(jobId, generation, i, jobs.get(i)));
    }
    return new NewGeneration(generation, List.copyOf(made));
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

  public long creditRefunded() {
    return creditRefunded;
  }

  public int quotaUnits() {
    return quotaUnits;
  }

  public int quotaRefunded() {
    return quotaRefunded;
  }

  public int jobsTotal() {
    return jobsTotal;
  }

  public int jobsCompleted() {
    return jobsCompleted;
  }

  public int jobsFailed() {
    return jobsFailed;
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
