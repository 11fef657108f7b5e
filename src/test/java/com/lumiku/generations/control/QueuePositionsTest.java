package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.generations.control.QueuePositions.Ranking;
import com.lumiku.generations.control.QueuePositions.Waiting;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Queue positions from bucket counts: a generation's position is one plus the pending generations
 * of its app created strictly before it, whatever the page, ties and gaps.
 */
class QueuePositionsTest {

  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void countsWhoWaitsAheadInEachInterval() {
    Waiting a = waiting(10);
    Waiting b = waiting(20);
    Waiting c = waiting(20);
    Ranking ranking = Ranking.of(List.of(b, a, c));
    assertThat(ranking.thresholds()).containsExactly(at(10), at(20));

    // 3 created before a, 2 between a (itself included) and b.
    Map<UUID, Long> positions = ranking.positions(Map.of(0, 3L, 1, 2L));

    assertThat(positions)
        .containsEntry(a.id(), 4L)
        .containsEntry(b.id(), 6L)
        .containsEntry(c.id(), 6L);
  }

  @Test
  void theFirstInLineIsOne() {
    Waiting first = waiting(5);
    assertThat(Ranking.of(List.of(first)).positions(Map.of())).containsEntry(first.id(), 1L);
  }

  @Test
  void refusesAnEmptyPageAndBucketsOutOfRange() {
    assertThatThrownBy(() -> Ranking.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    Ranking ranking = Ranking.of(List.of(waiting(1)));
    assertThatThrownBy(() -> ranking.positions(Map.of(1, 1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Against a brute-force count, for 500 random cases (seeded, so a failure names its case): all
   * pending generations of an app (creation times in whole seconds, so ties are common) and any
   * page of them; the buckets are counted as the database's {@code width_bucket} counts them.
   */
  @Test
  void positionIsOnePlusThoseCreatedStrictlyBefore() {
    for (long seed = 1; seed <= 500; seed++) {
      Random random = new Random(seed);
      List<Waiting> pending = new ArrayList<>();
      for (int i = 1 + random.nextInt(40); i > 0; i--) {
        pending.add(waiting(random.nextInt(31)));
      }
      List<Waiting> page = new ArrayList<>();
      for (int i = 1 + random.nextInt(pending.size()); i > 0; i--) {
        Waiting picked = pending.get(random.nextInt(pending.size()));
        if (!page.contains(picked)) {
          page.add(picked);
        }
      }
      Ranking ranking = Ranking.of(page);

      Map<UUID, Long> positions = ranking.positions(widthBuckets(pending, ranking.thresholds()));

      for (Waiting generation : page) {
        long ahead =
            pending.stream().filter(p -> p.createdAt().isBefore(generation.createdAt())).count();
        assertThat(positions.get(generation.id())).as("case " + seed).isEqualTo(ahead + 1);
      }
      assertThat(positions).as("case " + seed).hasSize(page.size());
    }
  }

  /**
   * What the query returns: pending generations created before the last threshold, counted per
   * {@code width_bucket(created_at, thresholds)}, which is the number of thresholds at or before
   * the creation time.
   */
  private static Map<Integer, Long> widthBuckets(
      List<Waiting> pending, List<OffsetDateTime> thresholds) {
    Map<Integer, Long> counts = new HashMap<>();
    OffsetDateTime last = thresholds.get(thresholds.size() - 1);
    for (Waiting generation : pending) {
      if (generation.createdAt().isBefore(last)) {
        int bucket =
            (int) thresholds.stream().filter(t -> !t.isAfter(generation.createdAt())).count();
        counts.merge(bucket, 1L, Long::sum);
      }
    }
    return counts;
  }

  private static Waiting waiting(int second) {
    return new Waiting(UUID.randomUUID(), at(second));
  }

  private static OffsetDateTime at(int second) {
    return T0.plusSeconds(second);
  }
}
