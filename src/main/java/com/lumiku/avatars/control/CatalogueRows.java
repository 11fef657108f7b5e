package com.lumiku.avatars.control;

import com.lumiku.platform.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Operators' edits of the catalogue's rows (presets, persona examples): found locked, deleted. */
final class CatalogueRows {

  private CatalogueRows() {}

  /**
   * The row, locked for the caller's transaction (two operators' changes do not overwrite each
   * other).
   *
   * @throws ProblemException 404 naming {@code what} if there is none
   */
  static <T> T locked(EntityManager em, Class<T> type, UUID id, String what) {
    T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw ProblemException.notFound(what + " " + id);
    }
    return row;
  }

  /**
   * Deletes the row of {@code table} (a constant, never a client's text).
   *
   * @throws ProblemException 404 naming {@code what} if there is none
   */
  static void delete(EntityManager em, String table, UUID id, String what) {
    int deleted =
        em.createNativeQuery("DELETE FROM " + table + " WHERE id = ?1")
            .setParameter(1, id)
            .executeUpdate();
    if (deleted == 0) {
      throw ProblemException.notFound(what + " " + id);
    }
  }
}
