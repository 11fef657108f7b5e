package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.generations.control.QueueBacklog.TypeRow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A queue's backlog from the rows per job type: counts add up, ages are the oldest, in seconds. */
class QueueBacklogTest {

  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);

  static Optional<String> queueOf(String type) {
    return switch (type) {
      case "avatar.draw", "avatar.upload" -> Optional.of("generations.avatar");
      case "pose.draw" -> Optional.of("generations.pose");
      default -> Optional.empty();
    };
  }

  @Test
  void theTypesOfOneWorkerAddUpOnItsQueueWithTheOldestAges() {
    Map<String, QueueBacklog> backlog =
        QueueBacklog.perQueue(
            List.of(
                new TypeRow("avatar.draw", 3, 1, NOW.minusSeconds(90), NOW.minusSeconds(30)),
                new TypeRow("avatar.upload", 2, 4, NOW.minusSeconds(20), NOW.minusSeconds(400))),
            QueueBacklogTest::queueOf,
            List.of("generations.avatar", "generations.pose"),
            NOW);

    assertThat(backlog.get("generations.avatar")).isEqualTo(new QueueBacklog(5, 5, 90, 400));
  }

  @Test
  void aQueueWithoutLiveJobsIsEmptyNotMissing() {
    Map<String, QueueBacklog> backlog =
        QueueBacklog.perQueue(
            List.of(new TypeRow("avatar.draw", 1, 0, NOW.minusSeconds(1), NOW.minusSeconds(1))),
            QueueBacklogTest::queueOf,
            List.of("generations.avatar", "generations.pose"),
            NOW);

    assertThat(backlog).containsOnlyKeys("generations.avatar", "generations.pose");
    assertThat(backlog.get("generations.pose")).isEqualTo(QueueBacklog.EMPTY);
  }

  @Test
  void onlyProcessingJobsMeanNoWaitingAge() {
    Map<String, QueueBacklog> backlog =
        QueueBacklog.perQueue(
            List.of(new TypeRow("pose.draw", 0, 2, null, NOW.minusSeconds(61))),
            QueueBacklogTest::queueOf,
            List.of("generations.pose"),
            NOW);

    assertThat(backlog.get("generations.pose")).isEqualTo(new QueueBacklog(0, 2, 0, 61));
  }

  @Test
  void aTypeNoWorkerDoesCountsOnNoQueue() {
    Map<String, QueueBacklog> backlog =
        QueueBacklog.perQueue(
            List.of(new TypeRow("gone.app", 7, 0, NOW.minusSeconds(9), NOW.minusSeconds(9))),
            QueueBacklogTest::queueOf,
            List.of("generations.avatar"),
            NOW);

    assertThat(backlog).containsExactly(Map.entry("generations.avatar", QueueBacklog.EMPTY));
  }

  @Test
  void agesAreWholeSecondsAndNeverNegative() {
    assertThat(QueueBacklog.secondsSince(NOW.minusNanos(2_999_000_000L), NOW)).isEqualTo(2);
    assertThat(QueueBacklog.secondsSince(NOW, NOW)).isZero();
    // Another host's clock a little ahead: the job is not "minus 3 s" old.
    assertThat(QueueBacklog.secondsSince(NOW.plusSeconds(3), NOW)).isZero();
    assertThat(QueueBacklog.secondsSince(null, NOW)).isZero();
  }
}
