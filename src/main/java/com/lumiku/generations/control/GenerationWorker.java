package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.Job;
import com.lumiku.platform.problem.Causes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Does the job a message asks for, inside the consumer's transaction (which also holds the
 * message). Every app's consumer hands its messages here.
 *
 * <ul>
 *   <li>A job that has already ended is acknowledged without work, so redelivery is harmless; one
 *       that is not visible yet is retried, never dropped.
 *   <li>Success: the result, the job's completion (and its generation's, after its last job) and
 *       the acknowledgement commit together.
 *   <li>A {@link PermanentFailure} fails the job and refunds its share at once, in a transaction of
 *       its own; the attempt's own writes are rolled back, and its message, delivered once more,
 *       finds the job ended and is acknowledged. A type no deployed job does fails and refunds it
 *       the same way (nothing was written).
 *   <li>Any other failure rolls the transaction back: the broker redelivers after its back-off, or
 *       dead-letters the message after the last attempt (see {@code DeadLetterConsumer}). Why the
 *       attempt failed is recorded on the generation meanwhile.
 * </ul>
 */
@ApplicationScoped
public class GenerationWorker {

  private static final Logger LOG = Logger.getLogger(GenerationWorker.class.getName());

  @Inject Generations generations;
  @Inject StatusChanges statusChanges;
  @Inject Failures failures;
  @Inject GenerationJobs jobs;
  @Inject GenerationMetrics metrics;
  @Inject GenerationQueue queue;
  @Inject Event<BundleCompleted> bundleCompleted;

  /**
   * Does the jobs of one message: one job as {@link #process}; a bundle (see {@link
   * GenerationJob#quick}) all or nothing, on its first delivery: every job is done, claimed and
   * completed in this one transaction (no claim of its own: a quick job has nothing to show between
   * its start and its end), in the order of their generations' ids, so that two bundles never lock
   * generations in opposite orders. Any failure of any job rolls the whole try back. A bundle
   * delivered again (a try failed, or its worker stopped) is split instead: each of its jobs is
   * queued again alone, in this transaction, and goes on as a single job (its own claim, attempts,
   * failure for good and refund), so that one job can neither hold back the others nor use up their
   * attempts. (A failed try of a bundle counts no attempt: its claims roll back with it.)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void processAll(List<GenerationMessage> messages, int delivery) {
    if (messages.size() == 1) {
      process(messages.get(0), delivery);
      return;
    }
    if (delivery > 1) {
      queue.requeue(messages);
      LOG.log(
          Level.INFO,
          "Bundle of {0} jobs delivered again (delivery {1}): each job queued again alone, first"
              + " {2}",
          new Object[] {messages.size(), delivery, messages.get(0).jobId()});
      return;
    }
    List<GenerationMessage> ordered =
        messages.stream().sorted(Comparator.comparing(GenerationMessage::generationId)).toList();
    // Every job of the bundle and its generation in one query, not one per job. A job that another
    // transaction ends after this read (a cancel, the sweeper) is found out by its conditional
    // claim (runJob) instead of by a read just before its turn: the try then rolls back and the
    // bundle is split at its next delivery, where the ended job is acknowledged without work. With
    // the quick models that bundles are for, that window is the few milliseconds of the bundle's
    // work; the price of a cancel inside it is the bundle's other jobs done again alone.
    Map<UUID, Generations.JobOf> read =
        generations.reloadJobsOf(
            messages.stream()
                .collect(
                    Collectors.toMap(
                        GenerationMessage::jobId,
                        GenerationMessage::generationId,
                        (first, again) -> first)));
    List<BundledJob> done = new ArrayList<>();
    for (GenerationMessage message : ordered) {
      try {
        processBundled(visible(message, 1, Optional.ofNullable(read.get(message.jobId()))))
            .ifPresent(done::add);
      } catch (RuntimeException | Error e) {
        if (e instanceof RuntimeException) {
          metrics.retried(message.type());
        }
        LOG.log(
            Level.WARNING,
            "Bundle of {0} jobs: job {1} of generation {2} failed ({3}); the whole try rolls back"
                + " and the bundle is split at its next delivery",
            new Object[] {
              messages.size(), message.jobId(), message.generationId(), String.valueOf(e)
            });
        throw e;
      }
    }
    bundleCompleted.fire(new BundleCompleted(messages.size(), done));
  }

  /**
   * One job of a bundle, in the bundle's transaction: done, then claimed and completed in one step
   * ({@link StatusChanges#runJob}). Claimed after the work, so that the generation's lock comes
   * after the rows the work locks (a project, a preset), as with a single job, whose claim
   * committed before: a project's deletion, which locks the project and then cancels its unstarted
   * generations, never waits for a bundle that waits for it.
   *
   * @return the job done; empty if it had ended already
   */
  private Optional<BundledJob> processBundled(Visible visible) {
    Job job = visible.job();
    Generation generation = visible.generation();
    if (job.status().isTerminal()) {
      LOG.log(
          Level.INFO,
          "Job {0} of generation {1} is already {2}; skipped in its bundle",
          new Object[] {job.id(), generation.id(), job.status().code()});
      return Optional.empty();
    }
    GenerationJob work =
        jobs.of(generation.type())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No deployed job does " + generation.type() + " (done alone instead)"));
    long started = System.nanoTime();
    JsonObject result = work.run(generation, job);
    if (!statusChanges.runJob(generation.id(), job.id(), result.toString())) {
      throw new IllegalStateException(
          "Job " + job.id() + " ended while its bundle ran; the bundle is tried again alone");
    }
    return Optional.of(
        new BundledJob(
            job.id(),
            generation.id(),
            generation.userId(),
            generation.type(),
            job.attempts() + 1,
            Duration.ofNanos(System.nanoTime() - started)));
  }

  /** A job a bundle completed: what its log line and metrics say once the bundle committed. */
  public record BundledJob(
      UUID jobId, UUID generationId, UUID userId, String type, int attempt, Duration took) {}

  /** A bundle's transaction is committing: its size and the jobs it completed. */
  public record BundleCompleted(int size, List<BundledJob> jobs) {}

  /**
   * Logs and counts a bundle's jobs once its transaction has committed (a try that rolls back
   * completed nothing; its jobs go on alone and are logged and counted then).
   */
  void bundleCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) BundleCompleted bundle) {
    for (BundledJob job : bundle.jobs()) {
      metrics.processed(job.type(), job.took());
      LOG.log(
          Level.INFO,
          "Job {0} of generation {1} ({2}) of user {3} completed on attempt {4} in {5} ms, in a"
              + " bundle of {6}",
          new Object[] {
            job.jobId(),
            job.generationId(),
            job.type(),
            job.userId(),
            job.attempt(),
            job.took().toMillis(),
            bundle.size()
          });
    }
    metrics.bundled(bundle.size());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void process(GenerationMessage message, int delivery) {
    Visible visible = visible(message, delivery);
    Job job = visible.job();
    Generation generation = visible.generation();
    if (job.status().isTerminal()) {
      LOG.log(
          Level.INFO,
          "Job {0} of generation {1} is already {2}; delivery {3} acknowledged without work",
          new Object[] {job.id(), generation.id(), job.status().code(), delivery});
      return;
    }
    if (!statusChanges.startJob(generation.id(), job.id())) {
      LOG.log(Level.INFO, "Job {0} ended meanwhile; nothing to do", job.id());
      return;
    }
    int attempt = job.attempts() + 1;
    Optional<GenerationJob> work = jobs.of(generation.type());
    if (work.isEmpty()) {
      failures.failAndRefund(
          generation.id(),
          job.id(),
          EndedBy.WORKER,
          GenerationError.unknownType(generation.type()));
      return;
    }
    long started = started(generation, job);
    try {
      complete(generation, job, work.get().run(generation, job), started);
    } catch (PermanentFailure e) {
      LOG.log(
          Level.WARNING,
          "Job {0} of generation {1}: attempt {2} failed for good after {3} ms",
          new Object[] {job.id(), generation.id(), attempt, millisSince(started)});
      failures.failAndRefundAlone(generation.id(), job.id(), EndedBy.WORKER, e.error());
      failures.discardAttempt();
    } catch (TransientFailure e) {
      throw retryLater(generation, job, attempt, started, e.error(), e);
    } catch (RuntimeException e) {
      throw retryLater(
          generation, job, attempt, started, GenerationError.unexpected(Causes.describe(e)), e);
    }
  }

  /** A message's job, as the database has it now, and its generation. */
  private record Visible(Job job, Generation generation) {}

  /**
   * The message's job and generation.
   *
   * @throws IllegalStateException if either is not visible yet: retried, never dropped (a message
   *     naming a job of another generation, which no sender writes, looks the same and ends in the
   *     dead letters, which fail and refund the job)
   */
  private Visible visible(GenerationMessage message, int delivery) {
    return visible(
        message, delivery, generations.reloadJobOf(message.jobId(), message.generationId()));
  }

  /** As {@link #visible(GenerationMessage, int)}, from what was read for it. */
  private static Visible visible(
      GenerationMessage message, int delivery, Optional<Generations.JobOf> found) {
    if (found.isEmpty() || !found.get().generation().id().equals(message.generationId())) {
      // The charge and the message commit together, but the two resources apply the commit one
      // after the other (and XA recovery may apply it late): never drop the message, retry later.
      throw new IllegalStateException(
          "Job "
              + message.jobId()
              + " of generation "
              + message.generationId()
              + " is not visible yet (delivery "
              + delivery
              + ")");
    }
    return new Visible(found.get().job(), found.get().generation());
  }

  /** Logs the start of the job's attempt; returns when it started ({@link System#nanoTime}). */
  private static long started(Generation generation, Job job) {
    LOG.log(
        Level.INFO,
        "Job {0} of generation {1} ({2}) of user {3}: attempt {4} started",
        new Object[] {
          job.id(), generation.id(), generation.type(), generation.userId(), job.attempts() + 1
        });
    return System.nanoTime();
  }

  /**
   * Records the job's result and completion in the caller's transaction.
   *
   * @throws IllegalStateException if the job stopped being processing meanwhile (the sweeper failed
   *     it): the transaction must roll back, the result is discarded
   */
  private void complete(Generation generation, Job job, JsonObject result, long started) {
    if (!statusChanges.completeJob(generation.id(), job.id(), result.toString())) {
      throw new IllegalStateException(
          "Job " + job.id() + " stopped being processing while it ran; result discarded");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    metrics.processed(generation.type(), took);
    LOG.log(
        Level.INFO,
        "Job {0} of generation {1} of user {2} completed on attempt {3} in {4} ms",
        new Object[] {
          job.id(), generation.id(), generation.userId(), job.attempts() + 1, took.toMillis()
        });
  }

  private RuntimeException retryLater(
      Generation generation,
      Job job,
      int attempt,
      long started,
      GenerationError error,
      RuntimeException failure) {
    metrics.retried(generation.type());
    LogRecord record =
        new LogRecord(
            Level.WARNING,
            "Job {0} of generation {1} of user {2}: attempt {3} failed after {4} ms ({5}); the"
                + " broker will retry or dead-letter it");
    record.setParameters(
        new Object[] {
          job.id(),
          generation.id(),
          generation.userId(),
          attempt,
          millisSince(started),
          error.code()
        });
    record.setThrown(failure);
    record.setLoggerName(LOG.getName());
    LOG.log(record);
    statusChanges.noteFailedAttempt(generation.id(), job.id(), error);
    return failure;
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
