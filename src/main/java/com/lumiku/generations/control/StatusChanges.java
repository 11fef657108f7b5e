package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.generations.entity.GenerationTransition;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every change of a generation's status. Each is one {@link GenerationTransition}, applied as one
 * conditional {@code UPDATE ... WHERE status IN (<the statuses it starts from>)}, and reports
 * whether it won: two actors (a redelivered message, a cancel, the sweeper, a second instance) can
 * never both move the same generation. A change that wins is announced (see {@link
 * GenerationChanged}).
 */
@ApplicationScoped
public class StatusChanges {

  @PersistenceContext EntityManager em;
  @Inject Event<GenerationChanged> changed;

  /**
   * Claims a generation for a worker and counts the attempt. Commits on its own so that clients see
   * the work has started.
   *
   * @return false if the generation is terminal (or gone): the worker must not do the work
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean start(UUID id) {
    OffsetDateTime now = UtcClock.now();
    return apply(
        GenerationTransition.START,
        id,
        "attempts = attempts + 1, progress = 10, started_at = coalesce(started_at, ?),"
            + " updated_at = ?",
        now,
        now);
  }

  /**
   * Records the result of finished work, in the worker's transaction.
   *
   * @return false if the generation is no longer processing (e.g. the sweeper failed it meanwhile):
   *     the result must then be discarded
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean complete(UUID id, String resultJson) {
    OffsetDateTime now = UtcClock.now();
    return apply(
        GenerationTransition.COMPLETE,
        id,
        "progress = 100, result = ?, error_code = NULL, error_message = NULL,"
            + " error_detail = NULL, ended_by = ?, completed_at = ?, updated_at = ?",
        resultJson,
        EndedBy.WORKER.code(),
        now,
        now);
  }

  /**
   * Fails a generation that has not ended.
   *
   * @return false if it had ended already (then nothing changes)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean fail(UUID id, EndedBy by, GenerationError error) {
    OffsetDateTime now = UtcClock.now();
    return apply(
        GenerationTransition.FAIL,
        id,
        "error_code = ?, error_message = ?, error_detail = ?, ended_by = ?, completed_at = ?,"
            + " updated_at = ?",
        error.code(),
        error.message(),
        error.detail(),
        by.code(),
        now,
        now);
  }

  /**
   * Cancels a generation no worker has started.
   *
   * @return false if it is no longer pending
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean cancel(UUID id) {
    OffsetDateTime now = UtcClock.now();
    GenerationError canceled = GenerationError.canceled();
    return apply(
        GenerationTransition.CANCEL,
        id,
        "error_code = ?, error_message = ?, ended_by = ?, completed_at = ?, updated_at = ?",
        canceled.code(),
        canceled.message(),
        EndedBy.CANCEL.code(),
        now,
        now);
  }

  /**
   * Fails (for the sweeper) every generation that could still fail and has not changed for longer
   * than {@code deadline}, up to {@code batch} of them, skipping rows another transaction holds.
   *
   * @return the ids of the generations this call failed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> failStale(Duration deadline, int batch) {
    GenerationTransition fail = GenerationTransition.FAIL;
    GenerationError error = GenerationError.timedOut(deadline);
    OffsetDateTime now = UtcClock.now();
    Statement update =
        new Statement(
                "UPDATE generations SET status = ?, error_code = ?, error_message = ?,"
                    + " error_detail = ?, ended_by = ?, completed_at = ?, updated_at = ?"
                    + " WHERE id IN (SELECT id FROM generations WHERE updated_at < ? AND ",
                fail.to().code(),
                error.code(),
                error.message(),
                error.detail(),
                EndedBy.SWEEPER.code(),
                now,
                now,
                now.minus(deadline))
            .statusIn(fail)
            .append(" ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED) AND ", batch)
            .statusIn(fail)
            .append(" RETURNING id");
    @SuppressWarnings("unchecked")
    List<UUID> failed = update.query(em).getResultList();
    failed.forEach(id -> changed.fire(new GenerationChanged(id)));
    return failed;
  }

  /**
   * Notes why an attempt failed while the generation waits for the next one, in a transaction of
   * its own (the attempt's transaction rolls back). Best effort: if the row is locked, typically by
   * the failed attempt's own suspended transaction (which had already completed it when, say, the
   * broker went away), the note is skipped rather than waiting for a lock that is never released.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void noteFailedAttempt(UUID id, GenerationError error) {
    new Statement(
            "UPDATE generations SET error_code = ?, error_message = ?, error_detail = ?,"
                + " updated_at = ? WHERE id = (SELECT id FROM generations WHERE id = ? AND "
                + StatusSql.in(Set.of(GenerationStatus.PROCESSING))
                + " FOR UPDATE SKIP LOCKED)",
            error.code(),
            error.message(),
            error.detail(),
            UtcClock.now(),
            id)
        .query(em)
        .executeUpdate();
  }

  /** Applies a transition to one generation: its status, these assignments, its guard. */
  private boolean apply(
      GenerationTransition transition, UUID id, String assignments, Object... values) {
    Statement update =
        new Statement("UPDATE generations SET status = ?, ", transition.to().code())
            .append(assignments, values)
            .append(" WHERE id = ? AND ", id)
            .statusIn(transition);
    boolean won = update.query(em).executeUpdate() == 1;
    if (won) {
      changed.fire(new GenerationChanged(id));
    }
    return won;
  }

  /**
   * A native statement written with plain {@code ?} placeholders and its values in order, numbered
   * for EclipseLink ({@code ?1}, {@code ?2}, ...) as it is built.
   */
  static final class Statement {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    Statement(String text, Object... values) {
      append(text, values);
    }

    Statement append(String text, Object... more) {
      int next = values.size();
      for (char c : text.toCharArray()) {
        sql.append(c);
        if (c == '?') {
          sql.append(++next);
        }
      }
      values.addAll(Arrays.asList(more));
      if (values.size() != next) {
        throw new IllegalArgumentException("Placeholders and values differ in: " + text);
      }
      return this;
    }

    /** {@code status IN ('pending', ...)}: the statuses the transition starts from. */
    Statement statusIn(GenerationTransition transition) {
      return append(StatusSql.in(transition.from()));
    }

    String sql() {
      return sql.toString();
    }

    List<Object> values() {
      return Collections.unmodifiableList(values);
    }

    Query query(EntityManager em) {
      Query query = em.createNativeQuery(sql.toString());
      for (int i = 0; i < values.size(); i++) {
        query.setParameter(i + 1, values.get(i));
      }
      return query;
    }
  }
}
