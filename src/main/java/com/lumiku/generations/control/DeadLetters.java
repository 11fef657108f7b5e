package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.generations.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens to a job whose message was dead-lettered: it fails, with the reason of its last
 * failed attempt, and is refunded (both exactly once, whoever else tries); the last job of a
 * generation ends it. Only messages from the apps' work queues are handled; anything else that
 * lands in the dead-letter queue is logged and left alone.
 */
@ApplicationScoped
public class DeadLetters {

  /** The dead-letter queue's setting and default: the consumer's activation names the same. */
  public static final String QUEUE_SETTING = "lumiku.workers.dead-letter.queue";

  public static final String QUEUE_DEFAULT = "generations.dead-letter";

  private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

  @Inject Generations generations;
  @Inject Failures failures;
  @Inject WorkerKinds workerKinds;
  @Inject GenerationQueue queue;

  @Transactional(Transactional.TxType.MANDATORY)
  public void handle(String body, String originalQueue) {
    if (workerKinds.all().isEmpty()) {
      // The consumers may start before the application has finished deploying; until the work
      // queues are known a dead letter cannot be told apart, so it waits for its redelivery.
      throw new IllegalStateException(
          "Dead letter from " + originalQueue + " before the work queues are known; retried later");
    }
    if (!workerKinds.isWorkQueue(originalQueue)) {
      LOG.log(
          Level.SEVERE,
          "Dead letter from {0}, which is not a work queue, left alone: {1}",
          new Object[] {originalQueue, body});
      return;
    }
    List<GenerationMessage> messages;
    try {
      messages = GenerationMessage.parseAll(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.SEVERE,
          "Dead letter from {0} is not a generation message: {1}",
          new Object[] {originalQueue, body});
      return;
    }
    if (messages.size() > 1) {
      // A bundle is split at its second delivery; one that got here without (the last attempt was
      // its first, or its splits failed) has not given each job its chances: they go on alone.
      queue.requeue(messages);
      LOG.log(
          Level.WARNING,
          "Dead letter from {0} is a bundle of {1} jobs; each job queued again alone, first {2}",
          new Object[] {originalQueue, messages.size(), messages.get(0).jobId()});
      return;
    }
    handle(messages.get(0), originalQueue);
  }

  private void handle(GenerationMessage message, String originalQueue) {
    Optional<Job> job = generations.reloadJob(message.jobId());
    if (job.isEmpty()) {
      LOG.log(
          Level.SEVERE,
          "Dead letter from {0} names job {1} of generation {2}, which does not exist: either its"
              + " order never committed, or it is in doubt and the stuck-generation sweeper will"
              + " fail and refund it once recovery commits it",
          new Object[] {originalQueue, message.jobId(), message.generationId()});
      return;
    }
    Job dead = job.get();
    GenerationError error = GenerationError.gaveUp(dead.attempts(), dead.error());
    if (!failures.failAndRefund(dead.generationId(), dead.id(), EndedBy.DEAD_LETTER, error)) {
      LOG.log(
          Level.INFO,
          "Dead letter for job {0} of generation {1}, which had already ended {2}",
          new Object[] {dead.id(), dead.generationId(), dead.status().code()});
    }
  }
}
