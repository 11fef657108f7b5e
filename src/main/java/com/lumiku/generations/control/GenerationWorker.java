package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.imaging.ModelFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Does the work a message asks for, inside the consumer's transaction (which also holds the
 * message).
 *
 * <ul>
 *   <li>A generation that is already terminal is acknowledged without work, so redelivery is
 *       harmless; one that is not visible yet is retried, never dropped.
 *   <li>Success: the result, the generation's completion and the acknowledgement commit together.
 *   <li>A permanent model failure (bad input, content refused, bad credentials) fails the
 *       generation and refunds it at once; the message is acknowledged.
 *   <li>Any other failure rolls the transaction back: the broker redelivers after its back-off, or
 *       dead-letters the message after the last attempt (see {@code DeadLetterConsumer}). Why the
 *       attempt failed is recorded on the generation meanwhile.
 * </ul>
 */
@ApplicationScoped
public class GenerationWorker {

  private static final Logger LOG = Logger.getLogger(GenerationWorker.class.getName());

  @Inject Generations generations;
  @Inject Failures failures;
  @Inject @Any Instance<GenerationJob> jobs;
  @Inject MetricRegistry metrics;

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
      LOG.info(
          () ->
              "Generation "
                  + generation.id()
                  + " is already "
                  + generation.status().code()
                  + "; delivery "
                  + delivery
                  + " acknowledged without work");
      return;
    }
    if (!generations.startAttempt(generation.id())) {
      LOG.info(() -> "Generation " + generation.id() + " ended meanwhile; nothing to do");
      return;
    }
    int attempt = generation.attempts() + 1;
    long started = System.nanoTime();
    LOG.info(
        () ->
            "Generation "
                + generation.id()
                + " ("
                + generation.type()
                + ") of user "
                + generation.userId()
                + ": attempt "
                + attempt
                + " started");
    try {
      JsonObject result = jobFor(generation.type()).run(generation);
      if (!generations.complete(generation.id(), result.toString())) {
        throw new IllegalStateException(
            "Generation "
                + generation.id()
                + " stopped being processing while it ran; result discarded");
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      metrics.counter("generations.processed").inc();
      metrics.timer("generations.processing.time").update(took);
      LOG.info(
          () ->
              "Generation "
                  + generation.id()
                  + " of user "
                  + generation.userId()
                  + " completed on attempt "
                  + attempt
                  + " in "
                  + took.toMillis()
                  + " ms");
    } catch (ModelFailure e) {
      if (!e.isPermanent()) {
        throw retryLater(generation, attempt, started, e);
      }
      failures.failAndRefund(generation.id(), e.getMessage());
    } catch (UnknownGenerationType e) {
      failures.failAndRefund(generation.id(), e.getMessage());
    } catch (RuntimeException e) {
      throw retryLater(generation, attempt, started, e);
    }
  }

  private RuntimeException retryLater(
      Generation generation, int attempt, long started, RuntimeException failure) {
    metrics.counter("generations.retried").inc();
    LOG.log(
        Level.WARNING,
        "Generation "
            + generation.id()
            + " of user "
            + generation.userId()
            + ": attempt "
            + attempt
            + " failed after "
            + (System.nanoTime() - started) / 1_000_000
            + " ms; the broker will retry or dead-letter it",
        failure);
    generations.noteFailedAttempt(
        generation.id(), "Attempt " + attempt + " failed: " + failure.getMessage());
    return failure;
  }

  private GenerationJob jobFor(String type) {
    for (GenerationJob job : jobs) {
      if (job.type().equals(type)) {
        return job;
      }
    }
    throw new UnknownGenerationType(type);
  }

  /** No job does this type of generation: retrying cannot help. */
  static class UnknownGenerationType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownGenerationType(String type) {
      super("No worker does generations of type " + type);
    }
  }
}
