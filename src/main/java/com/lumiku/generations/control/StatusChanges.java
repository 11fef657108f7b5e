package com.lumiku.generations.control;

import com.lumiku.generations.control.GenerationLocks.Locked;
import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.generations.entity.GenerationTransition;
import com.lumiku.generations.entity.JobTransition;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every change of a job's or a generation's status. Each is a {@link JobTransition} or {@link
 * GenerationTransition}, applied as one conditional {@code UPDATE ... WHERE status IN (<the
 * statuses it starts from>)}, and reports whether it won: two actors (a redelivered message, a
 * cancel, the sweeper, a second instance) can never both move the same job or generation.
 *
 * <p>A job moves its generation along: the first job to start starts it, every job that ends is
 * counted on it (in the same transaction), and the last one ends it. Every change of a job first
 * locks its generation ({@link GenerationLocks}). A change that wins is announced (see {@link
 * GenerationChanged}).
 */
@ApplicationScoped
public class StatusChanges {

  @PersistenceContext EntityManager em;
  @Inject GenerationLocks locks;
  @Inject Event<GenerationChanged> changed;
  @Inject Event<JobsEnded> ended;

  /**
   * Claims a job for a worker and counts the attempt; its generation is processing from now on.
   * Commits on its own so that clients see the work has started.
   *
   * @return false if the job has ended (or is gone): the worker must not do the work
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean startJob(UUID generationId, UUID jobId) {
    if (!locks.lock(generationId)) {
      return false;
    }
    OffsetDateTime now = UtcClock.now();
    JobTransition start = JobTransition.START;
    List<?> attempts =
        new SqlStatement(
                "UPDATE generation_jobs SET status = ?, attempts = attempts + 1,"
                    + " started_at = coalesce(started_at, ?), updated_at = ? WHERE id = ? AND ",
                start.to().code(),
                now,
                now,
                jobId)
            .append(StatusSql.in(start.from()))
            .append(" RETURNING attempts")
            .query(em)
            .getResultList();
    if (attempts.isEmpty()) {
      return false;
    }
    int attempt = ((Number) attempts.get(0)).intValue();
    List<?> owner =
        new SqlStatement(
                "UPDATE generations SET status = ?, attempts = greatest(attempts, ?),"
                    + " progress = greatest(progress, 10), started_at = coalesce(started_at, ?),"
                    + " updated_at = ? WHERE id = ? AND ",
                GenerationStatus.PROCESSING.code(),
                attempt,
                now,
                now,
                generationId)
            .append(StatusSql.in(GenerationTransition.START.from()))
            .append(" RETURNING user_id")
            .query(em)
            .getResultList();
    if (owner.size() != 1) {
      throw new IllegalStateException(
          "Generation " + generationId + " has ended while its job " + jobId + " had not");
    }
    announce(generationId, (UUID) owner.get(0), List.of());
    return true;
  }

  /**
   * Records the result of a finished job, in the worker's transaction, and ends the generation if
   * it was its last job.
   *
   * @return false if the job is no longer processing (e.g. the sweeper failed it meanwhile): the
   *     result must then be discarded
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean completeJob(UUID generationId, UUID jobId, String resultJson) {
    Optional<Locked> generation = locks.lockAndRead(generationId);
    OffsetDateTime now = UtcClock.now();
    int done =
        endJobs(JobTransition.COMPLETE, null, EndedBy.WORKER, now)
            .append(", result = ? WHERE id = ? AND ", resultJson, jobId)
            .append(StatusSql.in(JobTransition.COMPLETE.from()))
            .query(em)
            .executeUpdate();
    if (done == 0) {
      return false;
    }
    jobsEnded(
        generationId,
        orGone(generation, generationId),
        List.of(jobId),
        new Ending(true, EndedBy.WORKER, resultJson, null, now));
    return true;
  }

  /**
   * Claims a job and records its result in one step, in the caller's transaction: for a job of a
   * bundle, done before its claim, whose claim and completion commit together so that nothing can
   * see the job between them. {@link JobTransition#START} and {@link JobTransition#COMPLETE}
   * applied at once: one UPDATE of the job (the attempt counted, started and completed) and one of
   * its generation (started, the job counted, ended after its last job), where a claim (as {@link
   * #startJob}'s) and then {@link #completeJob} took the generation's lock twice and updated each
   * row twice (every UPDATE of a generation rewrites its row and its indexes).
   *
   * @return false if the job has ended (or is gone): its result must be discarded
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean runJob(UUID generationId, UUID jobId, String resultJson) {
    Optional<Locked> generation = locks.lockAndRead(generationId);
    if (generation.isEmpty()) {
      return false;
    }
    OffsetDateTime now = UtcClock.now();
    List<?> attempts =
        endJobs(JobTransition.COMPLETE, null, EndedBy.WORKER, now)
            .append(
                ", result = ?, attempts = attempts + 1, started_at = coalesce(started_at, ?)"
                    + " WHERE id = ? AND ",
                resultJson,
                now,
                jobId)
            .append(StatusSql.in(RUN_FROM))
            .append(" RETURNING attempts")
            .query(em)
            .getResultList();
    if (attempts.isEmpty()) {
      return false;
    }
    jobsEnded(
        generationId,
        generation.get(),
        List.of(jobId),
        new Ending(
            true, EndedBy.WORKER, resultJson, null, now, ((Number) attempts.get(0)).intValue()));
    return true;
  }

  /**
   * The statuses a job done in one step ({@link #runJob}) starts from: those it could be claimed
   * from, since its claim leaves it where it could be completed from.
   */
  private static final Set<GenerationStatus> RUN_FROM = runFrom();

  private static Set<GenerationStatus> runFrom() {
    if (!JobTransition.COMPLETE.appliesTo(JobTransition.START.to())) {
      throw new IllegalStateException("A claimed job could not be completed");
    }
    return JobTransition.START.from();
  }

  /**
   * Fails a job that has not ended, and ends the generation if it was its last job.
   *
   * @return false if the job had ended already (then nothing changes)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean failJob(UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
    Optional<Locked> generation = locks.lockAndRead(generationId);
    OffsetDateTime now = UtcClock.now();
    int failed =
        endJobs(JobTransition.FAIL, error, by, now)
            .append(" WHERE id = ? AND ", jobId)
            .append(StatusSql.in(JobTransition.FAIL.from()))
            .query(em)
            .executeUpdate();
    if (failed == 0) {
      return false;
    }
    jobsEnded(
        generationId,
        orGone(generation, generationId),
        List.of(jobId),
        new Ending(false, by, null, error, now));
    return true;
  }

  /**
   * Cancels a generation no worker has started, and all its jobs.
   *
   * @return the ids of the canceled jobs; none if the generation is no longer pending
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> cancel(UUID generationId) {
    OffsetDateTime now = UtcClock.now();
    GenerationError canceled = GenerationError.canceled();
    List<?> owner =
        endGeneration(GenerationStatus.CANCELED, null, canceled, EndedBy.CANCEL, now)
            .append(" WHERE id = ? AND ", generationId)
            .append(StatusSql.in(GenerationTransition.CANCEL.from()))
            .append(" RETURNING user_id")
            .query(em)
            .getResultList();
    if (owner.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<UUID> jobs =
        endJobs(JobTransition.CANCEL, canceled, EndedBy.CANCEL, now)
            .append(" WHERE generation_id = ? AND ", generationId)
            .append(StatusSql.in(JobTransition.CANCEL.from()))
            .append(" RETURNING id")
            .query(em)
            .getResultList();
    announce(generationId, (UUID) owner.get(0), jobs);
    return jobs;
  }

  /** A job the sweeper failed, and its generation. */
  public record FailedJob(UUID generationId, UUID jobId) {}

  /**
   * Fails (for the sweeper) the jobs that are stuck: processing without change for longer than
   * {@code deadline} (their worker is gone), or pending while their whole generation has not
   * changed for that long (nothing of it is moving; a job merely queued behind the others of a
   * large batch is not stuck). Takes up to {@code batch} generations, skipping those another
   * transaction holds (the next sweep takes them).
   *
   * @return the jobs this call failed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<FailedJob> failStale(Duration deadline, int batch) {
    OffsetDateTime now = UtcClock.now();
    OffsetDateTime cutoff = now.minus(deadline);
    GenerationError error = GenerationError.timedOut(deadline);
    JobTransition fail = JobTransition.FAIL;
    String stuck =
        StatusSql.in("j.status", fail.from())
            + " AND j.updated_at < ?1 AND ("
            + StatusSql.in("j.status", Set.of(GenerationStatus.PROCESSING))
            + " OR g.updated_at < ?1)";
    @SuppressWarnings("unchecked")
    List<Object[]> generations =
        em.createNativeQuery(
                "SELECT g.id, g.updated_at < ?1, "
                    + Locked.columns("g.")
                    + " FROM generations g WHERE "
                    + StatusSql.in("g.status", GenerationTransition.END.from())
                    + " AND EXISTS (SELECT 1 FROM generation_jobs j WHERE j.generation_id = g.id"
                    + " AND "
                    + stuck
                    + ") LIMIT ?2 FOR NO KEY UPDATE OF g SKIP LOCKED")
            .setParameter(1, cutoff)
            .setParameter(2, batch)
            .getResultList();
    List<FailedJob> failed = new ArrayList<>();
    for (Object[] generation : generations) {
      UUID generationId = (UUID) generation[0];
      boolean standingStill = Boolean.TRUE.equals(generation[1]);
      @SuppressWarnings("unchecked")
      List<UUID> jobs =
          endJobs(fail, error, EndedBy.SWEEPER, now)
              .append(" WHERE generation_id = ? AND updated_at < ? AND ", generationId, cutoff)
              .append(
                  StatusSql.in(standingStill ? fail.from() : Set.of(GenerationStatus.PROCESSING)))
              .append(" RETURNING id")
              .query(em)
              .getResultList();
      if (!jobs.isEmpty()) {
        jobsEnded(
            generationId,
            Locked.of(generation, 2),
            jobs,
            new Ending(false, EndedBy.SWEEPER, null, error, now));
        jobs.forEach(job -> failed.add(new FailedJob(generationId, job)));
      }
    }
    return failed;
  }

  /**
   * Notes why a job's attempt failed, on the job and its generation, while it waits for the next
   * attempt, in a transaction of its own (the attempt's transaction rolls back). Best effort: if
   * the generation is locked, typically by the failed attempt's own suspended transaction (which
   * had already completed the job when, say, the broker went away), the note is skipped rather than
   * waiting for a lock that is never released.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void noteFailedAttempt(UUID generationId, UUID jobId, GenerationError error) {
    if (!locks.lockIfFree(generationId)) {
      return;
    }
    OffsetDateTime now = UtcClock.now();
    for (String table : new String[] {"generation_jobs", "generations"}) {
      new SqlStatement(
              "UPDATE "
                  + table
                  + " SET error_code = ?, error_message = ?, error_detail = ?, updated_at = ?"
                  + " WHERE id = ? AND "
                  + StatusSql.in(Set.of(GenerationStatus.PROCESSING)),
              error.code(),
              error.message(),
              error.detail(),
              now,
              table.equals("generations") ? generationId : jobId)
          .query(em)
          .executeUpdate();
    }
  }

  /**
   * How jobs ended: all completed or all failed, by whom, with which result or error, when; and the
   * attempt they were claimed for in the same step ({@link #runJob}), or 0.
   */
  private record Ending(
      boolean completed,
      EndedBy by,
      String result,
      GenerationError error,
      OffsetDateTime now,
      int startedAttempt) {

    Ending(
        boolean completed, EndedBy by, String result, GenerationError error, OffsetDateTime now) {
      this(completed, by, result, error, now, 0);
    }
  }

  /**
   * Jobs ended, all completed or all failed (one, or several for the sweeper): counts them on their
   * generation, moves the generation's progress, and ends the generation once every job has ended.
   * A single job's result and error are the generation's; a batch ends completed, partial (with how
   * many failed) or failed (with the last failure). One UPDATE of the generation either way: the
   * counts read under its lock tell beforehand whether these jobs are its last (a second UPDATE to
   * end it, each rewriting the row and its indexes, cost a tenth of a job's database time). A job
   * claimed in the same step also starts its generation in that UPDATE, as {@link #startJob} would.
   */
  private void jobsEnded(UUID generationId, Locked generation, List<UUID> jobs, Ending ending) {
    boolean completedThem = ending.completed();
    EndedBy by = ending.by();
    GenerationError error = ending.error();
    OffsetDateTime now = ending.now();
    int completed = completedThem ? jobs.size() : 0;
    int failed = completedThem ? 0 : jobs.size();
    int total = generation.jobsTotal();
    int completedJobs = generation.jobsCompleted() + completed;
    int failedJobs = generation.jobsFailed() + failed;
    SqlStatement update;
    if (completedJobs + failedJobs == total) {
      GenerationStatus status = GenerationStatus.ended(completedJobs, failedJobs);
      GenerationError endedWith =
          switch (status) {
            case PARTIAL -> GenerationError.partial(failedJobs, total);
            case FAILED -> error;
            default -> null;
          };
      update =
          endGeneration(status, total == 1 ? ending.result() : null, endedWith, by, now)
              .append(
                  ", jobs_completed = jobs_completed + ?, jobs_failed = jobs_failed + ?,"
                      + " progress = 100",
                  completed,
                  failed);
    } else {
      update =
          new SqlStatement(
              "UPDATE generations SET jobs_completed = jobs_completed + ?,"
                  + " jobs_failed = jobs_failed + ?,"
                  + " progress = greatest(progress, 10 + 90 * (jobs_completed + jobs_failed + ?)"
                  + " / jobs_total), updated_at = ?",
              completed,
              failed,
              completed + failed,
              now);
      if (ending.startedAttempt() > 0) {
        update.append(", status = ?", GenerationStatus.PROCESSING.code());
      }
    }
    if (ending.startedAttempt() > 0) {
      update.append(
          ", attempts = greatest(attempts, ?), started_at = coalesce(started_at, ?)",
          ending.startedAttempt(),
          now);
    }
    int changed =
        update
            .append(" WHERE id = ? AND ", generationId)
            .append(StatusSql.in(GenerationTransition.END.from()))
            .query(em)
            .executeUpdate();
    if (changed == 0) {
      throw new IllegalStateException(
          "Generation " + generationId + " has ended while one of its jobs had not");
    }
    ended.fire(new JobsEnded(generation.type(), completedThem, by, jobs.size()));
    announce(generationId, generation.userId(), jobs);
  }

  private static Locked orGone(Optional<Locked> generation, UUID generationId) {
    return generation.orElseThrow(
        () -> new IllegalStateException("Generation " + generationId + " is gone, its job is not"));
  }

  /** The start of an UPDATE that ends jobs: status, error, who, when (the caller adds WHERE). */
  private static SqlStatement endJobs(
      JobTransition transition, GenerationError error, EndedBy by, OffsetDateTime now) {
    return new SqlStatement(
        "UPDATE generation_jobs SET status = ?, error_code = ?, error_message = ?,"
            + " error_detail = ?, ended_by = ?, completed_at = ?, updated_at = ?",
        transition.to().code(),
        error == null ? null : error.code(),
        error == null ? null : error.message(),
        error == null ? null : error.detail(),
        by.code(),
        now,
        now);
  }

  /** The start of an UPDATE that ends a generation: status, result, error, who, when. */
  private static SqlStatement endGeneration(
      GenerationStatus status,
      String result,
      GenerationError error,
      EndedBy by,
      OffsetDateTime now) {
    return new SqlStatement(
        "UPDATE generations SET status = ?, result = ?, error_code = ?, error_message = ?,"
            + " error_detail = ?, ended_by = ?, completed_at = ?, updated_at = ?",
        status.code(),
        result,
        error == null ? null : error.code(),
        error == null ? null : error.message(),
        error == null ? null : error.detail(),
        by.code(),
        now,
        now);
  }

  private void announce(UUID generationId, UUID userId, List<UUID> endedJobs) {
    changed.fire(new GenerationChanged(generationId, userId, endedJobs));
  }
}
