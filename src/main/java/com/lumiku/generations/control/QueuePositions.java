package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where pending generations stand in their app's queue: how many of the same app wait ahead of each
 * (created earlier and still pending), plus one.
 */
@ApplicationScoped
public class QueuePositions {

  /** The transaction resource that lists the generations the transaction added, in order. */
  private static final String ADDED = QueuePositions.class.getName() + ".added";

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry registry;

  /** The pending generations of an app ordered before a moment: one index-only count. */
  private static final String AHEAD =
      "SELECT count(*) FROM generations WHERE app = ?1 AND "
          + StatusSql.in(Set.of(GenerationStatus.PENDING))
          + " AND created_at < ?2";

  /**
   * As {@link #AHEAD}, less those of them that are among the generations ?3 (this transaction's
   * own, which it may or may not have written yet): one statement, one snapshot.
   */
  private static final String AHEAD_BESIDES =
      "SELECT (" + AHEAD + ") - (" + AHEAD + " AND id = ANY (CAST(?3 AS uuid[])))";

  /**
   * Notes a generation the current transaction added ({@link Generations#add}). Its rows are
   * written when EclipseLink flushes, at the latest at the commit: in a group commit, the orders
   * that follow it in the same transaction are counted behind it whether it is written yet or not.
   */
  void added(Generation generation) {
    @SuppressWarnings("unchecked")
    List<Generation> added = (List<Generation>) registry.getResource(ADDED);
    if (added == null) {
      added = new ArrayList<>();
      registry.putResource(ADDED, added);
    }
    added.add(generation);
  }

  /**
   * The queue position of a pending generation (1 if it is first): every order's 202 asks it. One
   * plain count of the pending generations of its app created before it (the same number the page's
   * bucket query gives, without building and parsing an array of thresholds, bucketing and grouping
   * for a single row). It is still a count over what waits ahead (the partial index {@code
   * generations_pending_app_created_idx}), so it grows with the backlog; it is exact as of the
   * transaction's snapshot. Needs no flush: the generations this transaction added ahead of it (the
   * earlier orders of its group commit) are counted from memory, and those of them already written
   * are taken out of the database's count, so that each is counted once, written or not.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long of(Generation generation) {
    List<UUID> addedAhead = addedAhead(generation);
    if (addedAhead.isEmpty()) {
      return count(em.createNativeQuery(AHEAD), generation) + 1;
    }
    return count(
            em.createNativeQuery(AHEAD_BESIDES)
                .setParameter(
                    3,
                    addedAhead.stream()
                        .map(UUID::toString)
                        .collect(Collectors.joining(",", "{", "}"))),
            generation)
        + addedAhead.size()
        + 1;
  }

  private static long count(Query query, Generation generation) {
    return ((Number)
            query
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, generation.app())
                .setParameter(2, generation.createdAt())
                .getSingleResult())
        .longValue();
  }

  /**
   * The pending generations of the same app that this transaction added and that were created
   * before the generation: what {@link #AHEAD} would count of them once written.
   */
  private List<UUID> addedAhead(Generation generation) {
    if (registry.getTransactionKey() == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Generation> added = (List<Generation>) registry.getResource(ADDED);
    if (added == null) {
      return List.of();
    }
    return added.stream()
        .filter(
            other ->
                other.status() == GenerationStatus.PENDING
                    && other.app().equals(generation.app())
                    && other.createdAt().isBefore(generation.createdAt()))
        .map(Generation::id)
        .toList();
  }

  /**
   * The queue positions of the pending generations among {@code page} (others are left out): per
   * app, one pass over the index of pending generations older than the newest of them, counting
   * them into buckets by the page's creation times ({@code width_bucket}), rather than a count per
   * generation. Needs no flush: this transaction's own unwritten order is not ahead of itself.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Long> of(Collection<Generation> page) {
    Map<UUID, Long> positions = new HashMap<>();
    Map<String, List<Generation>> pendingByApp =
        page.stream()
            .filter(generation -> generation.status() == GenerationStatus.PENDING)
            .collect(Collectors.groupingBy(Generation::app));
    pendingByApp.forEach(
        (app, pending) -> {
          Ranking ranking =
              Ranking.of(pending.stream().map(g -> new Waiting(g.id(), g.createdAt())).toList());
          positions.putAll(ranking.positions(countAhead(app, ranking.thresholds())));
        });
    return positions;
  }

  /**
   * How many pending generations of the app were created in each bucket of the thresholds: bucket 0
   * before the first, bucket b in [thresholds[b-1], thresholds[b]). None at or after the last.
   */
  private Map<Integer, Long> countAhead(String app, List<OffsetDateTime> thresholds) {
    @SuppressWarnings("unchecked")
    List<Object[]> buckets =
        em.createNativeQuery(
                "SELECT width_bucket(created_at, CAST(?2 AS timestamptz[])), count(*)"
                    + " FROM generations WHERE app = ?1 AND "
                    + StatusSql.in(Set.of(GenerationStatus.PENDING))
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
    Map<Integer, Long> counts = new HashMap<>();
    for (Object[] bucket : buckets) {
      counts.merge(((Number) bucket[0]).intValue(), ((Number) bucket[1]).longValue(), Long::sum);
    }
    return counts;
  }

  /** A pending generation of the page: its id and when it was ordered. */
  public record Waiting(UUID id, OffsetDateTime createdAt) {}

  /**
   * The positions of some pending generations of one app, computed from how many generations wait
   * in each interval between their creation times (a pure function; the counting is SQL's).
   *
   * @param waiting the page's pending generations
   * @param thresholds their distinct creation times, ascending: the bucket boundaries
   */
  public record Ranking(List<Waiting> waiting, List<OffsetDateTime> thresholds) {

    public static Ranking of(List<Waiting> waiting) {
      if (waiting.isEmpty()) {
        throw new IllegalArgumentException("Nothing to rank");
      }
      return new Ranking(
          List.copyOf(waiting),
          waiting.stream().map(Waiting::createdAt).distinct().sorted().toList());
    }

    /**
     * The position of each waiting generation: everything counted in the buckets before its own
     * creation time, plus one. Bucket b holds the generations created in [thresholds[b-1],
     * thresholds[b]), so the ones ahead of thresholds[i] are in buckets 0..i: a running sum.
     */
    public Map<UUID, Long> positions(Map<Integer, Long> countsByBucket) {
      long[] ahead = new long[thresholds.size()];
      countsByBucket.forEach(
          (bucket, count) -> {
            if (bucket < 0 || bucket >= ahead.length) {
              throw new IllegalArgumentException("No bucket " + bucket + " below the last one");
            }
            ahead[bucket] += count;
          });
      for (int i = 1; i < ahead.length; i++) {
        ahead[i] += ahead[i - 1];
      }
      Map<UUID, Long> positions = new HashMap<>();
      for (Waiting generation : waiting) {
        int i = Collections.binarySearch(thresholds, generation.createdAt());
        positions.put(generation.id(), ahead[i] + 1);
      }
      return positions;
    }
  }
}
