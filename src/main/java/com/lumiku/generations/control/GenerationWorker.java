package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does the work a message asks for, inside the consumer's transaction (which also holds the
 * message). A generation that is already terminal is acknowledged without work, so redelivery is
 * harmless; one that is not visible yet is retried, never dropped. A failure propagates: the
 * transaction rolls back and the broker redelivers the message after its back-off, or dead-letters
 * it after the last attempt.
 */
@ApplicationScoped
public class GenerationWorker {

  private static final Logger LOG = Logger.getLogger(GenerationWorker.class.getName());

  @Inject Generations generations;
  @Inject @Any Instance<GenerationJob> jobs;

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
                + (generation.attempts() + 1)
                + " started");
    try {
      JsonObject result = jobFor(generation.type()).run(generation);
      if (!generations.complete(generation.id(), result.toString())) {
        throw new IllegalStateException(
            "Generation "
                + generation.id()
                + " stopped being processing while it ran; result discarded");
      }
      LOG.info(
          () ->
              "Generation "
                  + generation.id()
                  + " of user "
                  + generation.userId()
                  + " completed in "
                  + (System.nanoTime() - started) / 1_000_000
                  + " ms");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Generation "
              + generation.id()
              + " of user "
              + generation.userId()
              + ": attempt failed after "
              + (System.nanoTime() - started) / 1_000_000
              + " ms (delivery "
              + delivery
              + ")",
          e);
      throw e;
    }
  }

  private GenerationJob jobFor(String type) {
    for (GenerationJob job : jobs) {
      if (job.type().equals(type)) {
        return job;
      }
    }
    throw new IllegalStateException("No job does generations of type " + type);
  }
}
