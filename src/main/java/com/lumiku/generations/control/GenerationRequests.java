package com.lumiku.generations.control;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.generations.entity.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Accepts paid work: in the caller's transaction (an XA transaction across PostgreSQL and the
 * broker), charges the user, stores the generation as {@code pending} next to its {@code deduct}
 * ledger entry, and queues it. All of it commits, or none: a charge without queued work, or queued
 * work without a charge, cannot happen.
 */
@ApplicationScoped
public class GenerationRequests {

  private static final Logger LOG = Logger.getLogger(GenerationRequests.class.getName());

  @Inject Ledger ledger;
  @Inject Generations generations;
  @Inject GenerationQueue queue;

  /** A generation that was charged and queued, and the balance left. */
  public record Accepted(Generation generation, long creditUsed, long creditBalance) {}

  /**
   * Charges and queues a new generation.
   *
   * @throws com.lumiku.credits.control.InsufficientCredits if the balance does not cover the cost
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Accepted submit(
      UUID userId, String app, String type, long cost, String parametersJson, String description) {
    Generation generation = Generation.pending(userId, app, type, cost, parametersJson);
    long balance =
        ledger.deduct(
            userId,
            cost,
            new CreditTransaction.Reference("generation", generation.id()),
            description);
    generations.add(generation);
    queue.enqueue(generation);
    LOG.info(
        () ->
            "Accepted generation "
                + generation.id()
                + " ("
                + type
                + ") of user "
                + userId
                + " for "
                + cost
                + " credits, "
                + balance
                + " left");
    return new Accepted(generation, cost, balance);
  }
}
