package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.Job;
import com.lumiku.platform.problem.Causes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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

  @Transactional(Transactional.TxType.MANDATORY)
  public void process(GenerationMessage message, int delivery) {
    Optional<Job> found = generations.reloadJob(message.jobId());
    Optional<Generation> owner = generations.find(message.generationId());
    if (found.isEmpty() || owner.isEmpty()) {
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
    Job job = found.get();
    Generation generation = owner.get();
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
    long started = System.nanoTime();
    LOG.log(
        Level.INFO,
        "Job {0} of generation {1} ({2}) of user {3}: attempt {4} started",
        new Object[] {job.id(), generation.id(), generation.type(), generation.userId(), attempt});
    try {
      JsonObject result = work.get().run(generation, job);
      if (!statusChanges.completeJob(generation.id(), job.id(), result.toString())) {
        throw new IllegalStateException(
            "Job " + job.id() + " stopped being processing while it ran; result discarded");
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      metrics.processed(generation.type(), took);
      LOG.log(
          Level.INFO,
          "Job {0} of generation {1} of user {2} completed on attempt {3} in {4} ms",
          new Object[] {job.id(), generation.id(), generation.userId(), attempt, took.toMillis()});
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
