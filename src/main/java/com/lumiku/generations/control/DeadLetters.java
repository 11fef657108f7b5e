package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What happens to a generation whose message was dead-lettered: it fails, with the reason of its
 * last failed attempt, and is refunded (both exactly once, whoever else tries).
 */
@ApplicationScoped
public class DeadLetters {

  private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

  @Inject Generations generations;
  @Inject Failures failures;
  @Inject WorkerKinds workerKinds;

  @Transactional(Transactional.TxType.MANDATORY)
  public void handle(String body, String originalQueue) {
    boolean fromWorkQueue =
        workerKinds.all().stream().anyMatch(kind -> kind.queue().equals(originalQueue));
    if (!fromWorkQueue) {
      LOG.severe(
          () ->
              "Dead letter from "
                  + originalQueue
                  + ", which is not a work queue, left alone: "
                  + body);
      return;
    }
    GenerationMessage message;
    try {
      message = GenerationMessage.parse(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      LOG.severe(
          () -> "Dead letter from " + originalQueue + " is not a generation message: " + body);
      return;
    }
    Optional<Generation> generation = generations.reload(message.generationId());
    if (generation.isEmpty()) {
      LOG.severe(
          () ->
              "Dead letter from "
                  + originalQueue
                  + " names generation "
                  + message.generationId()
                  + ", which does not exist: either its order never committed, or it is in doubt and the"
                  + " stuck-generation sweeper will fail and refund it once recovery commits it");
      return;
    }
    Generation dead = generation.get();
    String reason =
        "Gave up after "
            + dead.attempts()
            + (dead.attempts() == 1 ? " attempt" : " attempts")
            + (dead.errorMessage() == null ? "" : ". " + dead.errorMessage());
    if (!failures.failAndRefund(dead.id(), reason)) {
      LOG.info(
          () ->
              "Dead letter for generation "
                  + dead.id()
                  + ", which had already ended "
                  + dead.status().code());
    }
  }
}
