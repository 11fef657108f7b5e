package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.generations.entity.Job;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker's decisions, with the store, the status changes, the failures and the jobs replaced by
 * fakes that record what they were asked: what is done, what is retried (the exception propagates
 * so the broker redelivers) and what fails for good (the message is acknowledged).
 */
class GenerationWorkerTest {

  static final String TYPE = "test.job";

  final List<String> calls = new ArrayList<>();

  /** The store's reads: "one" job, or a "bundle of" n jobs in one query. */
  final List<String> reads = new ArrayList<>();

  final GenerationWorker worker = new GenerationWorker();
  Generation generation;
  Job job;
  boolean startWins = true;
  boolean completeWins = true;
  final Map<UUID, Generation> generationsById = new HashMap<>();
  final Map<UUID, Job> jobsById = new HashMap<>();
  Function<Generation, JsonObject> work = g -> Json.createObjectBuilder().add("ok", true).build();

  @BeforeEach
  void fakes() {
    useNew(TYPE);
    worker.generations =
        new Generations() {
          @Override
          public Optional<JobOf> reloadJobOf(UUID jobId, UUID generationId) {
            Job job = jobsById.get(jobId);
            Generation generation = generationsById.get(generationId);
            reads.add("one");
            return job == null || generation == null
                ? Optional.empty()
                : Optional.of(new JobOf(job, generation));
          }

          /** As the query: each job found with the generation it belongs to. */
          @Override
          public Map<UUID, JobOf> reloadJobsOf(Map<UUID, UUID> generationByJob) {
            reads.add("bundle of " + generationByJob.size());
            Map<UUID, JobOf> found = new HashMap<>();
            generationByJob.forEach(
                (jobId, generationId) -> {
                  Job job = jobsById.get(jobId);
                  Generation generation =
                      job == null ? null : generationsById.get(job.generationId());
                  if (generation != null && generation.id().equals(generationId)) {
                    found.put(jobId, new JobOf(job, generation));
                  }
                });
            return found;
          }
        };
    worker.statusChanges =
        new StatusChanges() {
          @Override
          public boolean startJob(UUID generationId, UUID jobId) {
            calls.add(jobId.equals(job.id()) ? "start" : "start " + jobId);
            return startWins;
          }

          @Override
          public boolean runJob(UUID generationId, UUID jobId, String resultJson) {
            calls.add("run " + jobId + " " + resultJson);
            return startWins && completeWins;
          }

          @Override
          public boolean completeJob(UUID generationId, UUID jobId, String resultJson) {
            calls.add("complete " + resultJson);
            return completeWins;
          }

          @Override
          public void noteFailedAttempt(UUID generationId, UUID jobId, GenerationError error) {
            calls.add("note " + error.code() + ": " + error.message() + " / " + error.detail());
          }
        };
    worker.failures =
        new Failures() {
          @Override
          public boolean failAndRefund(
              UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
            calls.add("fail " + by.code() + " " + error.code() + ": " + error.message());
            return true;
          }

          @Override
          public boolean failAndRefundAlone(
              UUID generationId, UUID jobId, EndedBy by, GenerationError error) {
            calls.add("fail alone " + by.code() + " " + error.code() + ": " + error.message());
            return true;
          }

          @Override
          public void discardAttempt() {
            calls.add("discard attempt");
          }
        };
    worker.jobs =
        new GenerationJobs() {
          @Override
          public Optional<GenerationJob> of(String type) {
            return type.equals(TYPE) ? Optional.of(handler()) : Optional.empty();
          }
        };
    worker.metrics =
        new GenerationMetrics() {
          @Override
          public void processed(String jobType, Duration took) {
            calls.add("processed");
          }

          @Override
          public void retried(String jobType) {
            calls.add("retried");
          }

          @Override
          public void bundled(int jobs) {
            calls.add("bundled " + jobs);
          }
        };
    worker.bundleCompleted = new Fired();
    worker.queue =
        new GenerationQueue() {
          @Override
          public void enqueue(Generation generation, List<Job> jobs) {
            throw new AssertionError("The worker orders nothing");
          }

          @Override
          public void requeue(List<GenerationMessage> messages) {
            calls.add("requeue " + messages.size());
          }
        };
  }

  /** Bundles completed: recorded, and passed on as the container would once they committed. */
  private final class Fired implements Event<GenerationWorker.BundleCompleted> {

    @Override
    public void fire(GenerationWorker.BundleCompleted bundle) {
      calls.add("fired " + bundle.jobs().size() + " of " + bundle.size());
      worker.bundleCommitted(bundle);
    }

    @Override
    public <U extends GenerationWorker.BundleCompleted> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends GenerationWorker.BundleCompleted> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<GenerationWorker.BundleCompleted> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends GenerationWorker.BundleCompleted> Event<U> select(
        Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends GenerationWorker.BundleCompleted> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void oneJobAloneIsDoneAsItIs() {
    worker.processAll(List.of(message()), 1);
    assertThat(calls).containsExactly("start", "complete {\"ok\":true}", "processed");
  }

  @Test
  void aBundleIsDoneClaimedAndCompletedInOneTransactionInTheOrderOfItsGenerations() {
    List<GenerationMessage> bundle = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      useNew(TYPE);
      bundle.add(message());
    }

    worker.processAll(bundle, 1);

    List<String> expected = new ArrayList<>();
    bundle.stream()
        .sorted(java.util.Comparator.comparing(GenerationMessage::generationId))
        .forEach(message -> expected.add("run " + message.jobId() + " {\"ok\":true}"));
    // Logged and counted once committed: three jobs, one bundle.
    expected.addAll(List.of("fired 3 of 3", "processed", "processed", "processed", "bundled 3"));
    assertThat(calls).containsExactlyElementsOf(expected);
    assertThat(reads).containsExactly("bundle of 3");
  }

  @Test
  void aBundleDeliveredAgainIsSplitIntoOneMessagePerJobWithoutWork() {
    GenerationMessage first = message();
    useNew(TYPE);

    worker.processAll(List.of(first, message()), 2);

    assertThat(calls).containsExactly("requeue 2");
  }

  @Test
  void anEndedJobOfABundleIsSkipped() throws Exception {
    GenerationMessage ended = message();
    setStatus(job, GenerationStatus.CANCELED);
    useNew(TYPE);
    GenerationMessage pending = message();

    worker.processAll(List.of(ended, pending), 1);

    assertThat(calls)
        .containsExactly(
            "run " + pending.jobId() + " {\"ok\":true}", "fired 1 of 2", "processed", "bundled 2");
  }

  @Test
  void anyFailureInABundleRollsBackTheWholeTryWithoutFailingOrNotingAnything() {
    GenerationMessage first = message();
    useNew(TYPE);
    List<RuntimeException> failures =
        List.of(
            new PermanentFailure("refused", "Refused.", "HTTP 400: nope", null),
            new TransientFailure("model-busy", "Busy.", "HTTP 429", null),
            new IllegalStateException("broken"));
    for (RuntimeException failure : failures) {
      calls.clear();
      work =
          g -> {
            throw failure;
          };

      assertThatThrownBy(() -> worker.processAll(List.of(first, message()), 1)).isSameAs(failure);
      // The work failed before any claim; the failed try is counted as retried.
      assertThat(calls).containsExactly("retried");
    }
  }

  @Test
  void aJobOfABundleThatEndedWhileItRanRollsTheTryBack() {
    GenerationMessage first = message();
    useNew(TYPE);
    completeWins = false;

    assertThatThrownBy(() -> worker.processAll(List.of(first, message()), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended while its bundle ran");
    assertThat(calls).noneMatch(call -> call.startsWith("fired") || call.equals("processed"));
  }

  @Test
  void aBundledJobNotVisibleYetRollsTheTryBack() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                worker.processAll(
                    List.of(message(), new GenerationMessage(unknown, unknown, TYPE)), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not visible yet");
    assertThat(calls).noneMatch(call -> call.startsWith("fired"));
  }

  @Test
  void aBundledJobNamedWithAnotherGenerationIsNotVisibleAndRollsTheTryBack() {
    GenerationMessage first = message();
    useNew(TYPE);
    GenerationMessage second = message();

    assertThatThrownBy(
            () ->
                worker.processAll(
                    List.of(
                        first, new GenerationMessage(first.generationId(), second.jobId(), TYPE)),
                    1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not visible yet");
    assertThat(calls).noneMatch(call -> call.startsWith("fired"));
  }

  @Test
  void doneWorkCompletesTheGeneration() {
    worker.process(message(), 1);
    assertThat(calls).containsExactly("start", "complete {\"ok\":true}", "processed");
  }

  @Test
  void aGenerationNotVisibleYetIsRetriedNeverDropped() {
    UUID unknown = UUID.randomUUID();
    assertThatThrownBy(() -> worker.process(new GenerationMessage(unknown, unknown, TYPE), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not visible yet");
    assertThat(calls).isEmpty();
  }

  @Test
  void anEndedJobIsAcknowledgedWithoutWork() throws Exception {
    setStatus(job, GenerationStatus.CANCELED);
    worker.process(message(), 2);
    assertThat(calls).isEmpty();
  }

  @Test
  void aJobThatEndsBeforeItStartsIsLeftAlone() {
    startWins = false;
    worker.process(message(), 1);
    assertThat(calls).containsExactly("start");
  }

  @Test
  void aTypeNoDeployedJobDoesFailsForGood() {
    useNew("gone.job");
    worker.process(message(), 1);
    assertThat(calls)
        .containsExactly("start", "fail worker unsupported: This kind of work cannot be done now.");
  }

  @Test
  void aPermanentFailureFailsAndRefundsOnItsOwnAndDiscardsWhatTheAttemptWrote() {
    work =
        g -> {
          throw new PermanentFailure("refused", "Refused.", "HTTP 400: nope", null);
        };
    worker.process(message(), 1);
    assertThat(calls)
        .containsExactly("start", "fail alone worker refused: Refused.", "discard attempt");
  }

  @Test
  void aTransientFailureIsNotedAndPropagatesForTheBrokerToRetry() {
    TransientFailure busy = new TransientFailure("model-busy", "Busy.", "HTTP 429", null);
    work =
        g -> {
          throw busy;
        };
    assertThatThrownBy(() -> worker.process(message(), 1)).isSameAs(busy);
    assertThat(calls).containsExactly("start", "retried", "note model-busy: Busy. / HTTP 429");
  }

  @Test
  void anyOtherExceptionIsRetriedAndItsTextGoesOnlyToTheDetail() {
    IllegalStateException sql =
        new IllegalStateException(
            "Internal Exception", new RuntimeException("INSERT INTO avatars (id) VALUES (?)"));
    work =
        g -> {
          throw sql;
        };
    assertThatThrownBy(() -> worker.process(message(), 1)).isSameAs(sql);
    assertThat(calls).hasSize(3);
    assertThat(calls.get(2))
        .startsWith("note error: Something went wrong while doing this. / ")
        .contains("java.lang.IllegalStateException: Internal Exception")
        .contains("INSERT INTO avatars");
  }

  @Test
  void aResultForAGenerationFailedMeanwhileIsDiscardedByRollingBack() {
    completeWins = false;
    assertThatThrownBy(() -> worker.process(message(), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("result discarded");
    assertThat(calls.get(0)).isEqualTo("start");
    assertThat(calls).doesNotContain("processed");
  }

  private GenerationMessage message() {
    return new GenerationMessage(generation.id(), job.id(), generation.type());
  }

  private void useNew(String type) {
    Generation.NewGeneration made =
        Generation.pending(
            UUID.randomUUID(), "test-app", type, "{}", List.of(new Generation.JobOrder(5, "{}")));
    generation = made.generation();
    job = made.jobs().get(0);
    generationsById.put(generation.id(), generation);
    jobsById.put(job.id(), job);
  }

  private GenerationJob handler() {
    return new GenerationJob() {
      @Override
      public String type() {
        return TYPE;
      }

      @Override
      public JsonObject run(Generation generation, Job job) {
        return work.apply(generation);
      }
    };
  }

  private static void setStatus(Job job, GenerationStatus status) throws Exception {
    Field field = Job.class.getDeclaredField("status");
    field.setAccessible(true);
    field.set(job, status);
  }
}
