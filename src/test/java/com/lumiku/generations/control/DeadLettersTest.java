package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the dead-letter consumer does with each kind of dead letter (fakes for the rest). */
class DeadLettersTest {

  final List<String> failed = new ArrayList<>();
  final List<GenerationMessage> requeued = new ArrayList<>();
  final DeadLetters deadLetters = new DeadLetters();
  List<WorkerKinds.WorkerKind> kinds =
      List.of(
          new WorkerKinds.WorkerKind(
              "avatar", "generations.avatar", "avatar-creator", Set.of("t"), 4),
          new WorkerKinds.WorkerKind("dead-letter", "generations.dead-letter", null, Set.of(), 1));
  Generation.NewGeneration made =
      Generation.pending(
          UUID.randomUUID(),
          "avatar-creator",
          "t",
          "{}",
          List.of(new Generation.JobOrder(10, "{}")));
  Job job = made.jobs().get(0);
  Job other =
      Generation.pending(
              UUID.randomUUID(),
              "avatar-creator",
              "t",
              "{}",
              List.of(new Generation.JobOrder(10, "{}")))
          .jobs()
          .get(0);

  @BeforeEach
  void fakes() {
    deadLetters.workerKinds =
        new WorkerKinds() {
          @Override
          public List<WorkerKind> all() {
            return kinds;
          }
        };
    deadLetters.generations =
        new Generations() {
          @Override
          public Optional<Job> reloadJob(UUID id) {
            return Optional.ofNullable(job)
                .filter(j -> j.id().equals(id))
                .or(() -> Optional.ofNullable(other).filter(j -> j.id().equals(id)));
          }
        };
    deadLetters.queue =
        new GenerationQueue() {
          @Override
          public void enqueue(Generation generation, List<Job> jobs) {
            throw new AssertionError("Dead letters order nothing");
          }

          @Override
          public void requeue(List<GenerationMessage> messages) {
            requeued.addAll(messages);
          }
        };
    deadLetters.failures =
        new Failures() {
          @Override
          public boolean failAndRefund(
              UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
            failed.add(jobId + " " + by.code() + " " + error.code() + ": " + error.message());
            return true;
          }
        };
  }

  @Test
  void aWorkQueuesDeadLetterFailsAndRefundsItsGeneration() {
    deadLetters.handle(message(job.id()), "generations.avatar");
    assertThat(failed)
        .containsExactly(job.id() + " dead-letter gave-up: It could not be started in time.");
  }

  @Test
  void aDeadBundleIsQueuedAgainOneJobPerMessageAndNothingFails() {
    List<GenerationMessage> bundle =
        List.of(
            new GenerationMessage(job.generationId(), job.id(), "t"),
            new GenerationMessage(other.generationId(), other.id(), "t"));

    deadLetters.handle(GenerationMessage.toJson(bundle), "generations.avatar");

    assertThat(requeued).containsExactlyElementsOf(bundle);
    assertThat(failed).isEmpty();
  }

  @Test
  void deadLettersOfOtherQueuesAndOtherMessagesAreLeftAlone() {
    deadLetters.handle(message(job.id()), "some.other.queue");
    deadLetters.handle("not json", "generations.avatar");
    deadLetters.handle(null, "generations.avatar");
    deadLetters.handle(message(UUID.randomUUID()), "generations.avatar");
    assertThat(failed).isEmpty();
  }

  @Test
  void beforeTheWorkQueuesAreKnownADeadLetterWaitsForItsRedelivery() {
    kinds = List.of();
    assertThatThrownBy(() -> deadLetters.handle(message(job.id()), "generations.avatar"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(failed).isEmpty();
  }

  private static String message(UUID id) {
    return new GenerationMessage(id, id, "t").toJson();
  }
}
