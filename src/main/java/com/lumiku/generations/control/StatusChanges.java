package com.lumiku.generations.control;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every change of a job's or a generation's status. Each is a {@link JobTransition} or {@link
 * GenerationTransition}, applied as one conditional {@code UPDATE ... WHERE status IN (<the
 * statuses it starts from>)}, and reports whether it won: two actors (a redelivered message, a
 * cancel, the sweeper, a second instance) can never both move the same job or generation.
 *
 * <p>A job moves its generation along: the first job to start starts it, every job that ends is
 * counted on it (in the same transaction), and the last one ends it. So that jobs of one generation
 * never deadlock, every change of a job first locks its generation's row: the lock order is always
 * generation, then job. A change that wins is announced (see {@link GenerationChanged}).
 */
@ApplicationScoped
public class StatusChanges {

  @PersistenceContext EntityManager em;
  @Inject Event<GenerationChanged> changed;

  /**
   * Claims a job for a worker and counts the attempt; its generation is processing from now on.
   * Commits on its own so that clients see the work has started.
   *
   * @return false if the job has ended (or is gone): the worker must not do the work
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean startJob(UUID generationId, UUID jobId) {
    if (!lock(generationId, false)) {
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
    int started =
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
            .query(em)
            .executeUpdate();
    if (started != 1) {
      throw new IllegalStateException(
          "Generation " + generationId + " has ended while its job " + jobId + " had not");
    }
    announce(generationId);
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
    lock(generationId, false);
    OffsetDateTime now = UtcClock.now();
    JobTransition complete = JobTransition.COMPLETE;
    int done =
        new SqlStatement(
                "UPDATE generation_jobs SET status = ?, result = ?, error_code = NULL,"
                    + " error_message = NULL, error_detail = NULL, ended_by = ?, completed_at = ?,"
                    + " updated_at = ? WHERE id = ? AND ",
                complete.to().code(),
                resultJson,
                EndedBy.WORKER.code(),
                now,
                now,
                jobId)
            .append(StatusSql.in(complete.from()))
            .query(em)
            .executeUpdate();
    if (done == 0) {
      return false;
    }
    jobEnded(generationId, 1, 0, EndedBy.WORKER, resultJson, null, now);
    return true;
  }

  /**
   * Fails a job that has not ended, and ends the generation if it was its last job.
   *
   * @return false if the job had ended already (then nothing changes)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean failJob(UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
    lock(generationId, false);
    OffsetDateTime now = UtcClock.now();
    JobTransition fail = JobTransition.FAIL;
    int failed =
        new SqlStatement(
                "UPDATE generation_jobs SET status = ?, error_code = ?, error_message = ?,"
                    + " error_detail = ?, ended_by = ?, completed_at = ?, updated_at = ?"
                    + " WHERE id = ? AND ",
                fail.to().code(),
                error.code(),
                error.message(),
                error.detail(),
                by.code(),
                now,
                now,
                jobId)
            .append(StatusSql.in(fail.from()))
            .query(em)
            .executeUpdate();
    if (failed == 0) {
      return false;
    }
    jobEnded(generationId, 0, 1, by, null, error, now);
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
    GenerationTransition cancel = GenerationTransition.CANCEL;
    int moved =
        new SqlStatement(
                "UPDATE generations SET status = ?, error_code = ?, error_message = ?,"
                    + " ended_by = ?, completed_at = ?, updated_at = ? WHERE id = ? AND ",
                GenerationStatus.CANCELED.code(),
                canceled.code(),
                canceled.message(),
                EndedBy.CANCEL.code(),
                now,
                now,
                generationId)
            .append(StatusSql.in(cancel.from()))
            .query(em)
            .executeUpdate();
    if (moved == 0) {
      return List.of();
    }
    JobTransition cancelJob = JobTransition.CANCEL;
    @SuppressWarnings("unchecked")
    List<UUID> jobs =
        new SqlStatement(
                "UPDATE generation_jobs SET status = ?, error_code = ?, error_message = ?,"
                    + " ended_by = ?, completed_at = ?, updated_at = ? WHERE generation_id = ?"
                    + " AND ",
                cancelJob.to().code(),
                canceled.code(),
                canceled.message(),
                EndedBy.CANCEL.code(),
                now,
                now,
                generationId)
            .append(StatusSql.in(cancelJob.from()))
            .append(" RETURNING id")
            .query(em)
            .getResultList();
    announce(generationId);
    return jobs;
  }

  /** A job the sweeper failed, and its generation. */
  public record FailedJob(UUID generationId, UUID jobId) {}

  /**
   * Fails (for the sweeper) every job that could still fail and has not changed for longer than
   * {@code deadline}, looking at {@code batch} of them at most, and skipping generations another
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
    @SuppressWarnings("unchecked")
    List<Object[]> stale =
        new SqlStatement(
                "SELECT generation_id, id FROM generation_jobs WHERE updated_at < ? AND ", cutoff)
            .append(StatusSql.in(fail.from()))
            .append(" ORDER BY updated_at LIMIT ?", batch)
            .query(em)
            .getResultList();
    Map<UUID, Integer> generations = new LinkedHashMap<>();
    stale.forEach(row -> generations.merge((UUID) row[0], 1, Integer::sum));
    List<FailedJob> failed = new ArrayList<>();
    for (UUID generationId : generations.keySet()) {
      if (!lock(generationId, true)) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<UUID> jobs =
          new SqlStatement(
                  "UPDATE generation_jobs SET status = ?, error_code = ?, error_message = ?,"
                      + " error_detail = ?, ended_by = ?, completed_at = ?, updated_at = ?"
                      + " WHERE generation_id = ? AND updated_at < ? AND ",
                  fail.to().code(),
                  error.code(),
                  error.message(),
                  error.detail(),
                  EndedBy.SWEEPER.code(),
                  now,
                  now,
                  generationId,
                  cutoff)
              .append(StatusSql.in(fail.from()))
              .append(" RETURNING id")
              .query(em)
              .getResultList();
      if (!jobs.isEmpty()) {
        jobEnded(generationId, 0, jobs.size(), EndedBy.SWEEPER, null, error, now);
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
    if (!lock(generationId, true)) {
      return;
    }
    OffsetDateTime now = UtcClock.now();
    for (String row : new String[] {"generation_jobs", "generations"}) {
      new SqlStatement(
              "UPDATE "
                  + row
                  + " SET error_code = ?, error_message = ?, error_detail = ?, updated_at = ?"
                  + " WHERE id = ? AND "
                  + StatusSql.in(Set.of(GenerationStatus.PROCESSING)),
              error.code(),
              error.message(),
              error.detail(),
              now,
              row.equals("generations") ? generationId : jobId)
          .query(em)
          .executeUpdate();
    }
  }

  /**
   * A job ended (or several, for the sweeper): counts it on its generation, moves the generation's
   * progress, and ends the generation once every job has ended. A single job's result and error are
   * the generation's; a batch ends completed, partial (with how many failed) or failed (with the
   * last failure).
   */
  private void jobEnded(
      UUID generationId,
      int completed,
      int failed,
      EndedBy by,
      String result,
      GenerationError error,
      OffsetDateTime now) {
    GenerationTransition end = GenerationTransition.END;
    List<?> rows =
        new SqlStatement(
                "UPDATE generations SET jobs_completed = jobs_completed + ?,"
                    + " jobs_failed = jobs_failed + ?,"
                    + " progress = greatest(progress, 10 + 90 * (jobs_completed + jobs_failed + ?)"
                    + " / jobs_total), updated_at = ? WHERE id = ? AND ",
                completed,
                failed,
                completed + failed,
                now,
                generationId)
            .append(StatusSql.in(end.from()))
            .append(" RETURNING jobs_total, jobs_completed, jobs_failed")
            .query(em)
            .getResultList();
    if (rows.isEmpty()) {
      throw new IllegalStateException(
          "Generation " + generationId + " has ended while one of its jobs had not");
    }
    Object[] counts = (Object[]) rows.get(0);
    int total = ((Number) counts[0]).intValue();
    int completedJobs = ((Number) counts[1]).intValue();
    int failedJobs = ((Number) counts[2]).intValue();
    if (completedJobs + failedJobs == total) {
      GenerationStatus status = GenerationStatus.ended(completedJobs, failedJobs);
      GenerationError ending =
          switch (status) {
            case PARTIAL -> GenerationError.partial(failedJobs, total);
            case FAILED -> error;
            default -> null;
          };
      new SqlStatement(
              "UPDATE generations SET status = ?, progress = 100, result = ?, error_code = ?,"
                  + " error_message = ?, error_detail = ?, ended_by = ?, completed_at = ?,"
                  + " updated_at = ? WHERE id = ? AND ",
              status.code(),
              total == 1 ? result : null,
              ending == null ? null : ending.code(),
              ending == null ? null : ending.message(),
              ending == null ? null : ending.detail(),
              by.code(),
              now,
              now,
              generationId)
          .append(StatusSql.in(end.from()))
          .query(em)
          .executeUpdate();
    }
    announce(generationId);
  }

  /**
   * Locks the generation's row for this transaction (the first step of every change of one of its
   * jobs), or, with {@code skipLocked}, gives up at once if another transaction holds it. The lock
   * is the one an UPDATE of its columns takes ({@code FOR NO KEY UPDATE}), not {@code FOR UPDATE}:
   * jobs insert rows that refer to their generation (an avatar, a pose), and those foreign keys
   * hold a key-share lock on it, which {@code FOR UPDATE} would wait for, two jobs of one batch
   * each waiting for the other's.
   *
   * @return whether this transaction now holds it (false: it does not exist, or is held elsewhere)
   */
  private boolean lock(UUID generationId, boolean skipLocked) {
    return !em.createNativeQuery(
            "SELECT id FROM generations WHERE id = ?1 FOR NO KEY UPDATE"
                + (skipLocked ? " SKIP LOCKED" : ""))
        .setParameter(1, generationId)
        .getResultList()
        .isEmpty();
  }

  private void announce(UUID generationId) {
    changed.fire(new GenerationChanged(generationId));
  }
}
