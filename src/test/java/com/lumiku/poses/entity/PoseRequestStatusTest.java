package com.lumiku.poses.entity;

import static com.lumiku.poses.entity.PoseRequestStatus.ACCEPTED;
import static com.lumiku.poses.entity.PoseRequestStatus.COMPLETED;
import static com.lumiku.poses.entity.PoseRequestStatus.PENDING;
import static com.lumiku.poses.entity.PoseRequestStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.ProblemException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The life of a pose request: which status may become which, and when votes are taken. */
class PoseRequestStatusTest {

  /** The whole table, written out: every pair not listed here is forbidden. */
  private static final Map<PoseRequestStatus, Set<PoseRequestStatus>> ALLOWED =
      Map.of(
          PENDING, Set.of(ACCEPTED, REJECTED),
          ACCEPTED, Set.of(COMPLETED, REJECTED),
          REJECTED, Set.of(),
          COMPLETED, Set.of());

  @Test
  void everyMoveIsAllowedExactlyAsTheTableSays() {
    for (PoseRequestStatus from : PoseRequestStatus.values()) {
      for (PoseRequestStatus to : PoseRequestStatus.values()) {
        assertThat(from.canBecome(to))
            .as(from + " -> " + to)
            .isEqualTo(ALLOWED.get(from).contains(to));
      }
      assertThat(from.next()).as(from.code()).isEqualTo(ALLOWED.get(from));
    }
  }

  @Test
  void noStatusBecomesItselfOrGoesBackToPending() {
    for (PoseRequestStatus status : PoseRequestStatus.values()) {
      assertThat(status.canBecome(status)).as(status.code()).isFalse();
      assertThat(status.canBecome(PENDING)).as(status.code()).isFalse();
    }
  }

  @Test
  void rejectedAndCompletedAreFinalAndClosedToVotes() {
    assertThat(REJECTED.isTerminal()).isTrue();
    assertThat(COMPLETED.isTerminal()).isTrue();
    assertThat(PENDING.isTerminal()).isFalse();
    assertThat(ACCEPTED.isTerminal()).isFalse();
    assertThat(PENDING.isOpen()).isTrue();
    assertThat(ACCEPTED.isOpen()).isTrue();
    assertThat(REJECTED.isOpen()).isFalse();
    assertThat(COMPLETED.isOpen()).isFalse();
  }

  @Test
  void codesAreTheDatabasesAndTheApis() {
    assertThat(COMPLETED.code()).isEqualTo("completed");
    assertThat(PoseRequestStatus.ofCode("accepted")).isEqualTo(ACCEPTED);
    assertThatThrownBy(() -> PoseRequestStatus.ofCode("Accepted"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PoseRequestStatus.parse("status", " Rejected ")).isEqualTo(REJECTED);
    assertThat(PoseRequestStatus.parse("status", "")).isNull();
    assertThatThrownBy(() -> PoseRequestStatus.parse("status", "done"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("status must be one of pending, accepted, rejected, completed");
  }
}
