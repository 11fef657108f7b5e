package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationError;
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
 * Does the work a message asks for, inside the consumer's transaction (which also holds the
 * message). Every app's consumer hands its messages here.
 *
 * <ul>
 *   <li>A generation that is already terminal is acknowledged without work, so redelivery is
 *       harmless; one that is not visible yet is retried, never dropped.
 *   <li>Success: the result, the generation's completion and the acknowledgement commit together.
 *   <li>A {@link PermanentFailure} fails the generation and refunds it at once, in a transaction of
 *       its own; the attempt's own writes are rolled back, and its message, delivered once more,
 *       finds the generation ended and is acknowledged. A type no deployed job does fails and
 *       refunds it the same way (nothing was written).
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
    Optional<Generation> found = generations.find(message.generationId());
    if (found.isEmpty()) {
      // The charge and the message commit together, but the two resources apply the commit one
      // after the other (and XA recovery may apply it late): never drop the message, retry later.
      throw new IllegalStateException(
          "Generation "
              + message.generationId()
              + " is not visible yet (delivery "
              + delivery
              + ")");
    }
    Generation generation = found.get();
    if (generation.status().isTerminal()) {
      LOG.log(
          Level.INFO,
          "Generation {0} is already {1}; delivery {2} acknowledged without work",
          new Object[] {generation.id(), generation.status().code(), delivery});
      return;
    }
    if (!statusChanges.start(generation.id())) {
      LOG.log(Level.INFO, "Generation {0} ended meanwhile; nothing to do", generation.id());
      return;
    }
    int attempt = generation.attempts() + 1;
    Optional<GenerationJob> job = jobs.of(generation.type());
    if (job.isEmpty()) {
      failures.failAndRefund(
          generation.id(), EndedBy.WORKER, GenerationError.unknownType(generation.type()));
      return;
    }
    long started = System.nanoTime();
    LOG.log(
        Level.INFO,
        "Generation {0} ({1}) of user {2}: attempt {3} started",
        new Object[] {generation.id(), generation.type(), generation.userId(), attempt});
    try {
      JsonObject result = job.get().run(generation);
      if (!statusChanges.complete(generation.id(), result.toString())) {
        throw new IllegalStateException(
            "Generation "
                + generation.id()
                + " stopped being processing while it ran; result discarded");
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      metrics.processed(took);
      LOG.log(
          Level.INFO,
          "Generation {0} of user {1} completed on attempt {2} in {3} ms",
          new Object[] {generation.id(), generation.userId(), attempt, took.toMillis()});
    } catch (PermanentFailure e) {
      LOG.log(
          Level.WARNING,
          "Generation {0}: attempt {1} failed for good after {2} ms",
          new Object[] {generation.id(), attempt, millisSince(started)});
      failures.failAndRefundAlone(generation.id(), EndedBy.WORKER, e.error());
      failures.discardAttempt();
    } catch (TransientFailure e) {
      throw retryLater(generation, attempt, started, e.error(), e);
    } catch (RuntimeException e) {
      throw retryLater(
          generation, attempt, started, GenerationError.unexpected(Causes.describe(e)), e);
    }
  }

  private RuntimeException retryLater(
      Generation generation,
      int attempt,
      long started,
      GenerationError error,
      RuntimeException failure) {
    metrics.retried();
    LogRecord record =
        new LogRecord(
            Level.WARNING,
            "Generation {0} of user {1}: attempt {2} failed after {3} ms ({4}); the broker will"
                + " retry or dead-letter it");
    record.setParameters(
        new Object[] {
          generation.id(), generation.userId(), attempt, millisSince(started), error.code()
        });
    record.setThrown(failure);
    record.setLoggerName(LOG.getName());
    LOG.log(record);
    statusChanges.noteFailedAttempt(generation.id(), error);
    return failure;
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
