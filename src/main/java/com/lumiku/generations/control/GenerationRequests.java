package com.lumiku.generations.control;

import com.lumiku.apps.AppRegistry;
import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.generations.entity.Generation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts paid work: in the caller's transaction (an XA transaction across PostgreSQL and the
 * broker), charges the user the price of the app's operation, stores the generation as {@code
 * pending} next to its {@code deduct} ledger entry, and queues it for the workers of its type. All
 * of it commits, or none: a charge without queued work, or queued work without a charge, cannot
 * happen.
 */
@ApplicationScoped
public class GenerationRequests {

  private static final Logger LOG = Logger.getLogger(GenerationRequests.class.getName());

  @Inject AppRegistry registry;
  @Inject Ledger ledger;
  @Inject Generations generations;
  @Inject GenerationQueue queue;

  /**
   * What an app orders: who pays, for which of its operations, the job type that does it, what the
   * job needs (JSON) and how the ledger describes the charge.
   */
  public record Order(
      UUID userId,
      String app,
      String operation,
      String type,
      String parametersJson,
      String description) {}

  /** A generation that was charged and queued, and the balance left. */
  public record Accepted(Generation generation, long creditUsed, long creditBalance) {}

  /**
   * Charges and queues a new generation.
   *
   * @throws com.lumiku.credits.control.InsufficientCredits if the balance does not cover the cost
   * @throws IllegalArgumentException if the app does not declare this operation or job type
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Accepted submit(Order order) {
    String owner = registry.queueOf(order.type()).app();
    if (!owner.equals(order.app())) {
      throw new IllegalArgumentException(order.type() + " is a job of " + owner);
    }
    long cost = registry.cost(order.app(), order.operation());
    Generation generation =
        Generation.pending(order.userId(), order.app(), order.type(), cost, order.parametersJson());
    long balance =
        cost == 0
            ? ledger.balance(order.userId())
            : ledger.deduct(
                order.userId(),
                cost,
                new CreditTransaction.Reference(Generation.LEDGER_REFERENCE, generation.id()),
                order.description());
    generations.add(generation);
    queue.enqueue(generation);
    LOG.log(
        Level.INFO,
        "Accepted generation {0} ({1}) of user {2} for {3} credits, {4} left",
        new Object[] {generation.id(), order.type(), order.userId(), cost, balance});
    return new Accepted(generation, cost, balance);
  }
}
