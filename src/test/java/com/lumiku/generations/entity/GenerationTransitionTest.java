package com.lumiku.generations.entity;

import static com.lumiku.generations.entity.GenerationStatus.CANCELED;
import static com.lumiku.generations.entity.GenerationStatus.COMPLETED;
import static com.lumiku.generations.entity.GenerationStatus.FAILED;
import static com.lumiku.generations.entity.GenerationStatus.PARTIAL;
import static com.lumiku.generations.entity.GenerationStatus.PENDING;
import static com.lumiku.generations.entity.GenerationStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The state machines of generations and their jobs: which status may become which, how a batch
 * ends, and what each end means for money.
 */
class GenerationTransitionTest {

  @Test
  void aGenerationMayBecomeExactlyThese() {
    assertThat(PENDING.next())
        .containsExactlyInAnyOrder(PROCESSING, COMPLETED, PARTIAL, FAILED, CANCELED);
    assertThat(PROCESSING.next()).containsExactlyInAnyOrder(PROCESSING, COMPLETED, PARTIAL, FAILED);
    for (GenerationStatus ended : List.of(COMPLETED, PARTIAL, FAILED, CANCELED)) {
      assertThat(ended.next()).as(ended.code()).isEmpty();
    }
  }

  @Test
  void aJobMayBecomeExactlyThese() {
    assertThat(jobNext(PENDING)).containsExactlyInAnyOrder(PROCESSING, FAILED, CANCELED);
    assertThat(jobNext(PROCESSING)).containsExactlyInAnyOrder(PROCESSING, COMPLETED, FAILED);
    for (JobTransition transition : JobTransition.values()) {
      assertThat(transition.to()).as("a job is never partial").isNotEqualTo(PARTIAL);
      assertThat(transition.from()).noneMatch(GenerationStatus::isTerminal);
    }
  }

  @Test
  void aBatchEndsByHowManyOfItsJobsFailed() {
    assertThat(GenerationStatus.ended(5, 0)).isEqualTo(COMPLETED);
    assertThat(GenerationStatus.ended(4, 1)).isEqualTo(PARTIAL);
    assertThat(GenerationStatus.ended(0, 5)).isEqualTo(FAILED);
    assertThat(GenerationStatus.ended(1, 0)).isEqualTo(COMPLETED);
    assertThat(GenerationStatus.ended(0, 1)).isEqualTo(FAILED);
    assertThat(GenerationTransition.END.to()).containsExactlyInAnyOrder(COMPLETED, PARTIAL, FAILED);
  }

  @Test
  void onlyFailedAndCanceledJobsAreRefundedAndOnlyLiveStatusesAreNotTerminal() {
    assertThat(Arrays.stream(GenerationStatus.values()).filter(GenerationStatus::isTerminal))
        .containsExactlyInAnyOrder(COMPLETED, PARTIAL, FAILED, CANCELED);
    assertThat(Arrays.stream(GenerationStatus.values()).filter(GenerationStatus::isRefundable))
        .containsExactlyInAnyOrder(FAILED, CANCELED);
  }

  @Test
  void aStartedGenerationCanNoLongerBeCanceledButItsJobsCanStillFail() {
    assertThat(GenerationTransition.CANCEL.appliesTo(PENDING)).isTrue();
    assertThat(GenerationTransition.CANCEL.appliesTo(PROCESSING)).isFalse();
    assertThat(JobTransition.FAIL.appliesTo(PROCESSING)).isTrue();
    assertThat(JobTransition.COMPLETE.appliesTo(PENDING)).isFalse();
    assertThat(JobTransition.START.appliesTo(PROCESSING))
        .as("a redelivered message starts its job again")
        .isTrue();
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
    JobTransition.FAIL.from().clear();
    assertThat(JobTransition.FAIL.from()).containsExactlyInAnyOrder(PENDING, PROCESSING);
  }

  @Test
  void aSingleJobHasItsGenerationsIdAndABatchsJobsTheirOwn() {
    UUID user = UUID.randomUUID();
    Generation.NewGeneration single =
        Generation.pending(user, "app", "t", "{}", List.of(new Generation.JobOrder(10, "{}")));
    assertThat(single.jobs())
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.id()).isEqualTo(single.generation().id());
              assertThat(job.ledgerReferenceType()).isEqualTo(Generation.LEDGER_REFERENCE);
            });
    Generation.NewGeneration batch =
        Generation.pending(
            user,
            "app",
            "t",
            "{}",
            List.of(new Generation.JobOrder(3, "{\"pose\":1}"), new Generation.JobOrder(4, "{}")));
    assertThat(batch.generation().creditCost()).isEqualTo(7);
    assertThat(batch.generation().jobsTotal()).isEqualTo(2);
    assertThat(batch.jobs()).extracting(Job::position).containsExactly(0, 1);
    assertThat(batch.jobs()).noneMatch(job -> job.id().equals(batch.generation().id()));
    assertThat(batch.jobs())
        .allMatch(job -> job.ledgerReferenceType().equals(Job.LEDGER_REFERENCE));
    assertThatThrownBy(() -> Generation.pending(user, "app", "t", "{}", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesRoundTripAndUnknownCodesAreRefused() {
    for (GenerationStatus status : GenerationStatus.values()) {
      assertThat(GenerationStatus.ofCode(status.code())).isEqualTo(status);
    }
    assertThatThrownBy(() -> GenerationStatus.ofCode("halfway"))
        .isInstanceOf(IllegalArgumentException.class);
    for (EndedBy endedBy : EndedBy.values()) {
      assertThat(EndedBy.ofCode(endedBy.code())).isEqualTo(endedBy);
    }
    assertThat(EndedBy.DEAD_LETTER.code()).isEqualTo("dead-letter");
  }

  private static Set<GenerationStatus> jobNext(GenerationStatus status) {
    Set<GenerationStatus> next = EnumSet.noneOf(GenerationStatus.class);
    for (JobTransition transition : JobTransition.values()) {
      if (transition.appliesTo(status)) {
        next.add(transition.to());
      }
    }
    return next;
  }
}
