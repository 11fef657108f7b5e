package com.lumiku.generations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lock every change of a job takes first: its generation's row, so that the lock order is
 * always generation, then job, and the jobs of a batch never deadlock. The lock is the one an
 * UPDATE of the generation's columns takes ({@code FOR NO KEY UPDATE}), not {@code FOR UPDATE}:
 * jobs insert rows that refer to their generation (an avatar, a pose, a probe run), and those
 * foreign keys hold a key-share lock on it, which {@code FOR UPDATE} would wait for, two jobs of
 * one batch each waiting for the other's (seen: "deadlock detected").
 */
@ApplicationScoped
public class GenerationLocks {

  @PersistenceContext EntityManager em;

  /**
   * A locked generation as its jobs' changes need it: whose it is, its type, and how many of its
   * jobs have ended. Read under the lock, so the counts stay as read until the transaction ends
   * (only a job's change, which takes the same lock, moves them).
   */
  public record Locked(UUID userId, String type, int jobsTotal, int jobsCompleted, int jobsFailed) {

    /**
     * Read from {@code user_id, type, jobs_total, jobs_completed, jobs_failed}, from {@code at}.
     */
    static Locked of(Object[] row, int at) {
      return new Locked(
          (UUID) row[at],
          (String) row[at + 1],
          ((Number) row[at + 2]).intValue(),
          ((Number) row[at + 3]).intValue(),
          ((Number) row[at + 4]).intValue());
    }

    /**
     * The columns {@link #of} reads, for a SELECT of the generation ({@code prefix}: "g." or "").
     */
    static String columns(String prefix) {
      return String.join(
          ", ",
          prefix + "user_id",
          prefix + "type",
          prefix + "jobs_total",
          prefix + "jobs_completed",
          prefix + "jobs_failed");
    }
  }

  /**
   * Locks the generation for the caller's transaction, waiting for another holder.
   *
   * @return false if it does not exist
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lock(UUID generationId) {
    return read(generationId, "").isPresent();
  }

  /**
   * Locks the generation as {@link #lock} does and reads its owner, type and job counts.
   *
   * @return empty if it does not exist
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Locked> lockAndRead(UUID generationId) {
    return read(generationId, "");
  }

  /**
   * Locks the generation unless another transaction holds it.
   *
   * @return false if it is held elsewhere (or does not exist)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockIfFree(UUID generationId) {
    return read(generationId, " SKIP LOCKED").isPresent();
  }

  private Optional<Locked> read(UUID generationId, String wait) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT "
                    + Locked.columns("")
                    + " FROM generations WHERE id = ?1 FOR NO KEY UPDATE"
                    + wait)
            .setParameter(1, generationId)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(Locked.of((Object[]) rows.get(0), 0));
  }
}
