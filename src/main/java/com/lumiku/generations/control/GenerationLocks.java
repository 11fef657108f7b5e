package com.lumiku.generations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
   * Locks the generation for the caller's transaction, waiting for another holder.
   *
   * @return false if it does not exist
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lock(UUID generationId) {
    return select(generationId, "");
  }

  /**
   * Locks the generation unless another transaction holds it.
   *
   * @return false if it is held elsewhere (or does not exist)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockIfFree(UUID generationId) {
    return select(generationId, " SKIP LOCKED");
  }

  private boolean select(UUID generationId, String wait) {
    return !em.createNativeQuery(
            "SELECT id FROM generations WHERE id = ?1 FOR NO KEY UPDATE" + wait)
        .setParameter(1, generationId)
        .getResultList()
        .isEmpty();
  }
}
