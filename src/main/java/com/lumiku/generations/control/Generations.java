package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stored generations, and every change of their status. Each change is one conditional {@code
 * UPDATE} on the status it expects to find, and reports whether it won: two actors (a redelivered
 * message, a cancel, the sweeper, a second instance) can never both move the same generation.
 */
@ApplicationScoped
public class Generations {

  @PersistenceContext EntityManager em;
  @Inject GenerationEvents events;

  @Transactional(Transactional.TxType.MANDATORY)
  public void add(Generation generation) {
    em.persist(generation);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Generation> find(UUID id) {
    return Optional.ofNullable(em.find(Generation.class, id));
  }

  /**
   * The generation as the database has it now, even after conditional updates in this transaction.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Generation> reload(UUID id) {
    return em.createQuery("SELECT g FROM Generation g WHERE g.id = :id", Generation.class)
        .setParameter("id", id)
        .setHint("eclipselink.refresh", true)
        .getResultStream()
        .findFirst();
  }

  /** The generation if it exists and belongs to the user. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Generation> findOwned(UUID id, UUID userId) {
    return find(id).filter(generation -> generation.userId().equals(userId));
  }

  /**
   * Claims a generation for a worker: {@code pending} (or {@code processing}, when a message is
   * redelivered after a failed attempt) becomes {@code processing}, and the attempt is counted.
   * Commits on its own so that clients see the work has started.
   *
   * @return false if the generation is terminal (or gone): the worker must not do the work
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean startAttempt(UUID id) {
    return changeStatus(
        "UPDATE generations SET status = 'processing', attempts = attempts + 1, progress = 10,"
            + " started_at = coalesce(started_at, ?2), updated_at = ?2"
            + " WHERE id = ?1 AND status IN ('pending', 'processing')",
        id,
        UtcClock.now());
  }

  /**
   * Records the result of finished work, in the worker's transaction.
   *
   * @return false if the generation is no longer {@code processing} (e.g. it was failed by someone
   *     else meanwhile): the result must then be discarded
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean complete(UUID id, String resultJson) {
    return changeStatus(
        "UPDATE generations SET status = 'completed', progress = 100, result = ?2,"
            + " error_message = NULL, completed_at = ?3, updated_at = ?3"
            + " WHERE id = ?1 AND status = 'processing'",
        id,
        resultJson,
        UtcClock.now());
  }

  /**
   * Fails a generation that has not ended, with the reason the user will see.
   *
   * @return false if it had ended already (then nothing changes)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean fail(UUID id, String reason) {
    return changeStatus(
        "UPDATE generations SET status = 'failed', error_message = ?2, completed_at = ?3,"
            + " updated_at = ?3 WHERE id = ?1 AND status IN ('pending', 'processing')",
        id,
        abbreviate(reason),
        UtcClock.now());
  }

  /**
   * Runs a conditional status update whose first parameter is the generation's id and the others
   * follow in order; announces the change if a row changed.
   */
  private boolean changeStatus(String update, UUID id, Object... values) {
    var query = em.createNativeQuery(update).setParameter(1, id);
    for (int i = 0; i < values.length; i++) {
      query.setParameter(i + 2, values[i]);
    }
    boolean changed = query.executeUpdate() == 1;
    if (changed) {
      events.changed(id);
    }
    return changed;
  }

  /**
   * Notes why an attempt failed while the generation waits for the next one, in a transaction of
   * its own (the attempt's transaction rolls back). Best effort: if the row is locked, typically by
   * the failed attempt's own suspended transaction (which had already completed it when, say, the
   * broker went away), the note is skipped rather than waiting for a lock that is never released.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void noteFailedAttempt(UUID id, String reason) {
    em.createNativeQuery(
            "UPDATE generations SET error_message = ?2, updated_at = ?3"
                + " WHERE id = (SELECT id FROM generations WHERE id = ?1 AND status = 'processing'"
                + " FOR UPDATE SKIP LOCKED)")
        .setParameter(1, id)
        .setParameter(2, abbreviate(reason))
        .setParameter(3, UtcClock.now())
        .executeUpdate();
  }

  /**
   * Fails every generation that has not changed for longer than {@code deadline} while pending or
   * processing, up to {@code batch} of them, skipping rows another transaction holds.
   *
   * @return the ids of the generations this call failed
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> failStale(java.time.Duration deadline, String reason, int batch) {
    @SuppressWarnings("unchecked")
    List<UUID> failed =
        em.createNativeQuery(
                "UPDATE generations SET status = 'failed', error_message = ?1, completed_at = ?2,"
                    + " updated_at = ?2 WHERE id IN (SELECT id FROM generations"
                    + " WHERE status IN ('pending', 'processing') AND updated_at < ?3"
                    + " ORDER BY updated_at LIMIT ?4 FOR UPDATE SKIP LOCKED)"
                    + " AND status IN ('pending', 'processing') RETURNING id")
            .setParameter(1, abbreviate(reason))
            .setParameter(2, UtcClock.now())
            .setParameter(3, UtcClock.now().minus(deadline))
            .setParameter(4, batch)
            .getResultList();
    failed.forEach(events::changed);
    return failed;
  }

  private static String abbreviate(String text) {
    String message = text == null || text.isBlank() ? "Unknown failure" : text.strip();
    return message.length() <= 500 ? message : message.substring(0, 497) + "...";
  }

  /**
   * Cancels a generation that no worker has started: {@code pending} becomes {@code canceled}.
   *
   * @return false if it is no longer pending
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean cancel(UUID id) {
    return changeStatus(
        "UPDATE generations SET status = 'canceled', error_message = 'Canceled by the user',"
            + " completed_at = ?2, updated_at = ?2 WHERE id = ?1 AND status = 'pending'",
        id,
        UtcClock.now());
  }

  /** How many generations of the same app wait ahead of this pending one, plus one. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long queuePosition(Generation generation) {
    return queuePositions(List.of(generation)).getOrDefault(generation.id(), 1L);
  }

  /**
   * The queue positions of the pending generations among {@code page} (others are left out): per
   * app, one pass over the index of pending generations older than the newest of them, counting
   * them into buckets by the page's creation times ({@code width_bucket}), rather than a count per
   * generation. Needs no flush: this transaction's own unwritten order is not ahead of itself.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Long> queuePositions(Collection<Generation> page) {
    Map<UUID, Long> positions = new HashMap<>();
    Map<String, List<Generation>> pendingByApp =
        page.stream()
            .filter(generation -> generation.status() == GenerationStatus.PENDING)
            .collect(Collectors.groupingBy(Generation::app));
    pendingByApp.forEach(
        (app, pending) -> {
          List<OffsetDateTime> thresholds =
              pending.stream().map(Generation::createdAt).distinct().sorted().toList();
          @SuppressWarnings("unchecked")
          List<Object[]> buckets =
              em.createNativeQuery(
                      "SELECT width_bucket(created_at, CAST(?2 AS timestamptz[])), count(*)"
                          + " FROM generations WHERE app = ?1 AND status = 'pending'"
                          + " AND created_at < ?3 GROUP BY 1")
                  .setFlushMode(FlushModeType.COMMIT)
                  .setParameter(1, app)
                  .setParameter(
                      2,
                      thresholds.stream()
                          .map(OffsetDateTime::toString)
                          .collect(Collectors.joining(",", "{", "}")))
                  .setParameter(3, thresholds.get(thresholds.size() - 1))
                  .getResultList();
          // Bucket b holds the generations created in [thresholds[b-1], thresholds[b]), so the
          // ones ahead of thresholds[i] are buckets 0..i: a running sum.
          long[] ahead = new long[thresholds.size()];
          for (Object[] bucket : buckets) {
            ahead[((Number) bucket[0]).intValue()] += ((Number) bucket[1]).longValue();
          }
          for (int i = 1; i < ahead.length; i++) {
            ahead[i] += ahead[i - 1];
          }
          for (Generation generation : pending) {
            int i = Collections.binarySearch(thresholds, generation.createdAt());
            positions.put(generation.id(), ahead[i] + 1);
          }
        });
    return positions;
  }

  /** What a kind of worker did lately, from the generations it finished. */
  public record WorkerActivity(
      long completed, long failed, java.time.OffsetDateTime lastActivityAt) {}

  /**
   * Outcomes since {@code since} of the generations of {@code app}, or, with no app, of those that
   * the dead-letter consumer ended; and when that kind of work last started or ended.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public WorkerActivity activity(String app, java.time.OffsetDateTime since) {
    Object[] outcomes =
        (Object[])
            (app == null
                    ? em.createNativeQuery(
                            "SELECT count(*), 0, max(completed_at) FROM generations"
                                + " WHERE completed_at > ?1 AND status = 'failed'"
                                + " AND error_message LIKE 'Gave up after%'")
                        .setParameter(1, since)
                    : em.createNativeQuery(
                            "SELECT count(*) FILTER (WHERE status = 'completed'),"
                                + " count(*) FILTER (WHERE status = 'failed'),"
                                + " (SELECT greatest(max(completed_at), (SELECT max(started_at)"
                                + " FROM generations WHERE app = ?1 AND status = 'processing'))"
                                + " FROM generations WHERE app = ?1)"
                                + " FROM generations WHERE app = ?1 AND completed_at > ?2")
                        .setParameter(1, app)
                        .setParameter(2, since))
                .getSingleResult();
    return new WorkerActivity(
        ((Number) outcomes[0]).longValue(),
        ((Number) outcomes[1]).longValue(),
        toOffsetDateTime(outcomes[2]));
  }

  private static java.time.OffsetDateTime toOffsetDateTime(Object value) {
    if (value instanceof java.time.OffsetDateTime time) {
      return time;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    return null;
  }

  /** A page of the user's generations, newest first, after the given position. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Generation> list(UUID userId, GenerationFilter filter, PageCursor after, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT g FROM Generation g WHERE g.userId = :userId");
    if (filter.status() != null) {
      jpql.append(" AND g.status = :status");
    }
    if (filter.app() != null) {
      jpql.append(" AND g.app = :app");
    }
    if (after != null) {
      jpql.append(" AND (g.createdAt < :createdAt OR (g.createdAt = :createdAt AND g.id < :id))");
    }
    jpql.append(" ORDER BY g.createdAt DESC, g.id DESC");
    TypedQuery<Generation> query =
        em.createQuery(jpql.toString(), Generation.class).setParameter("userId", userId);
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.app() != null) {
      query.setParameter("app", filter.app());
    }
    if (after != null) {
      query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  /** Which generations a listing shows; null fields do not filter. */
  public record GenerationFilter(GenerationStatus status, String app) {}
}
