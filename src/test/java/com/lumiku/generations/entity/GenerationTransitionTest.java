package com.lumiku.generations.entity;

import static com.lumiku.generations.entity.GenerationStatus.CANCELED;
import static com.lumiku.generations.entity.GenerationStatus.COMPLETED;
import static com.lumiku.generations.entity.GenerationStatus.FAILED;
import static com.lumiku.generations.entity.GenerationStatus.PENDING;
import static com.lumiku.generations.entity.GenerationStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generation state machine: which status may become which, and what each means for money. */
class GenerationTransitionTest {

  @Test
  void eachStatusMayBecomeExactlyThese() {
    assertThat(PENDING.next()).containsExactlyInAnyOrder(PROCESSING, FAILED, CANCELED);
    assertThat(PROCESSING.next()).containsExactlyInAnyOrder(PROCESSING, COMPLETED, FAILED);
    assertThat(COMPLETED.next()).isEmpty();
    assertThat(FAILED.next()).isEmpty();
    assertThat(CANCELED.next()).isEmpty();
  }

  @Test
  void onlyCompletedFailedAndCanceledAreTerminalAndOnlyFailedAndCanceledAreRefunded() {
    assertThat(Arrays.stream(GenerationStatus.values()).filter(GenerationStatus::isTerminal))
        .containsExactlyInAnyOrder(COMPLETED, FAILED, CANCELED);
    assertThat(Arrays.stream(GenerationStatus.values()).filter(GenerationStatus::isRefundable))
        .containsExactlyInAnyOrder(FAILED, CANCELED);
  }

  @Test
  void aStartedGenerationCanNoLongerBeCanceledButCanStillFail() {
    assertThat(GenerationTransition.CANCEL.appliesTo(PENDING)).isTrue();
    assertThat(GenerationTransition.CANCEL.appliesTo(PROCESSING)).isFalse();
    assertThat(GenerationTransition.FAIL.appliesTo(PROCESSING)).isTrue();
    assertThat(GenerationTransition.COMPLETE.appliesTo(PENDING)).isFalse();
    assertThat(GenerationTransition.START.appliesTo(PROCESSING))
        .as("a redelivered message starts its generation again")
        .isTrue();
  }

  @Test
  void noTransitionLeavesATerminalStatus() {
    for (GenerationTransition transition : GenerationTransition.values()) {
      assertThat(transition.from()).noneMatch(GenerationStatus::isTerminal);
    }
  }

  @Test
  void everyStatusCanEnd() {
    for (GenerationStatus status : GenerationStatus.values()) {
      Set<GenerationStatus> reached = EnumSet.of(status);
      Deque<GenerationStatus> open = new ArrayDeque<>(reached);
      while (!open.isEmpty()) {
        for (GenerationStatus next : open.pop().next()) {
          if (reached.add(next)) {
            open.push(next);
          }
        }
      }
      assertThat(reached).as("reachable from " + status).anyMatch(GenerationStatus::isTerminal);
    }
  }

  @Test
  void fromReturnsACopy() {
    GenerationTransition.FAIL.from().clear();
    assertThat(GenerationTransition.FAIL.from()).containsExactlyInAnyOrder(PENDING, PROCESSING);
  }

  @Test
  void codesRoundTripAndUnknownCodesAreRefused() {
    for (GenerationStatus status : GenerationStatus.values()) {
      assertThat(GenerationStatus.ofCode(status.code())).isEqualTo(status);
    }
    assertThatThrownBy(() -> GenerationStatus.ofCode("partial"))
        .isInstanceOf(IllegalArgumentException.class);
    for (EndedBy endedBy : EndedBy.values()) {
      assertThat(EndedBy.ofCode(endedBy.code())).isEqualTo(endedBy);
    }
    assertThat(EndedBy.DEAD_LETTER.code()).isEqualTo("dead-letter");
  }
}
