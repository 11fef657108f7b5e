package com.lumiku.generations.control;

import com.lumiku.apps.AppRegistry;
import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.generations.entity.Generation;
import com.lumiku.quotas.control.QuotaExhausted;
import com.lumiku.quotas.control.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts paid work: in the caller's transaction (an XA transaction across PostgreSQL and the
 * broker), charges the user the price of what was ordered, stores the generation as {@code pending}
 * with its jobs next to its {@code deduct} ledger entry, and queues every job for the workers of
 * its type. All of it commits, or none: a charge without queued work, or queued work without a
 * charge, cannot happen. Once committed, the new generation is announced to its owner's live
 * streams.
 */
@ApplicationScoped
public class GenerationRequests {

  private static final Logger LOG = Logger.getLogger(GenerationRequests.class.getName());

  @Inject AppRegistry registry;
  @Inject Ledger ledger;
  @Inject Generations generations;
  @Inject GenerationQueue queue;
  @Inject Quotas quotas;
  @Inject Event<GenerationChanged> changed;
  @Inject Event<Logged> logged;
  @Inject OrderIntake intake;

  /**
   * One job of an order: what the app needs for it (JSON) and the operations it is charged for,
   * priced by the app registry (e.g. {@code pose} and {@code background}).
   */
  public record Part(String parametersJson, List<String> operations) {

    public Part {
      operations = List.copyOf(operations);
    }
  }

  /**
   * What an app orders: who pays, the job type that does the work, what the generation needs
   * (JSON), how the ledger describes the charge, and its jobs (one, or a batch).
   */
  public record Order(
      UUID userId,
      String app,
      String type,
      String parametersJson,
      String description,
      List<Part> parts,
      Payment payment) {

    public Order {
      parts = List.copyOf(parts);
    }

    /** An order paid with credits. */
    public Order(
        UUID userId,
        String app,
        String type,
        String parametersJson,
        String description,
        List<Part> parts) {
      this(userId, app, type, parametersJson, description, parts, Payment.CREDITS);
    }

    /** The same order, paid this way. */
    public Order paidWith(Payment how) {
      return new Order(userId, app, type, parametersJson, description, parts, how);
    }

    /** An order of one job, charged one operation. */
    public static Order single(
        UUID userId,
        String app,
        String operation,
        String type,
        String parametersJson,
        String description) {
      return new Order(
          userId,
          app,
          type,
          parametersJson,
          description,
          List.of(new Part("{}", List.of(operation))));
    }
  }

  /** A generation that was charged and queued, and the balance left. */
  public record Accepted(Generation generation, long creditUsed, long creditBalance) {

    /** The units of quota it used (none when it was paid with credits). */
    public int quotaUsed() {
      return generation.quotaUnits();
    }
  }

  /** What the log says of an accepted order, once its transaction has committed. */
  record Logged(
      UUID generationId, String type, int jobs, UUID userId, long cost, int quota, long balance) {}

  /**
   * Logs an order once it committed: a run that rolled back (an order of a group commit that ran
   * again after another one was refused) names no generation that exists.
   */
  void log(@Observes(during = TransactionPhase.AFTER_SUCCESS) Logged order) {
    LOG.log(
        Level.INFO,
        "Accepted generation {0} ({1}, {2} jobs) of user {3} for {4} credits and {5} quota, {6}"
            + " credits left",
        new Object[] {
          order.generationId(),
          order.type(),
          order.jobs(),
          order.userId(),
          order.cost(),
          order.quota(),
          order.balance()
        });
  }

  /** The rate limit on generation orders, per user. */
  public static final String LIMIT = "generations";

  /** The quota ledger's reference type of a generation's consumption. */
  public static final String QUOTA_REFERENCE = Generation.LEDGER_REFERENCE;

  /**
   * Charges and queues a new generation.
   *
   * @throws com.lumiku.credits.control.InsufficientCredits if the balance does not cover the cost
   * @throws QuotaExhausted if the order is to be paid with quota and the quota does not cover it
   * @throws com.lumiku.platform.ratelimit.RateLimited 429 past the user's rate limit on orders
   *     ({@value #LIMIT}, every app together), before anything is charged (once per order, see
   *     {@link OrderIntake#countOrder})
   * @throws IllegalArgumentException if the app does not declare these operations or this job type,
   *     or the order has no job
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Accepted submit(Order order) {
    intake.countOrder(order.userId());
    String owner = registry.queueOf(order.type()).app();
    if (!owner.equals(order.app())) {
      throw new IllegalArgumentException(order.type() + " is a job of " + owner);
    }
    UUID generationId = UUID.randomUUID();
    boolean byQuota =
        order.payment() != Payment.CREDITS
            && quotas.tryConsume(
                order.userId(), order.app(), order.parts().size(), QUOTA_REFERENCE, generationId);
    if (order.payment() == Payment.QUOTA
        && !byQuota
        && quotas.inForce(order.userId(), order.app())) {
      // (A tier that ended since the app looked pays nothing: credits pay, as without one.)
      throw new QuotaExhausted(order.parts().size());
    }
    List<Generation.JobOrder> jobs =
        order.parts().stream()
            .map(
                part ->
                    byQuota
                        ? new Generation.JobOrder(0, 1, part.parametersJson())
                        : new Generation.JobOrder(
                            part.operations().stream()
                                .mapToLong(operation -> registry.cost(order.app(), operation))
                                .sum(),
                            0,
                            part.parametersJson()))
            .toList();
    Generation.NewGeneration made =
        Generation.pending(
            generationId, order.userId(), order.app(), order.type(), order.parametersJson(), jobs);
    Generation generation = made.generation();
    long cost = generation.creditCost();
    long balance =
        cost == 0
            ? ledger.balance(order.userId())
            : ledger.deduct(
                order.userId(),
                cost,
                new CreditTransaction.Reference(Generation.LEDGER_REFERENCE, generation.id()),
                order.description());
    generations.add(made);
    queue.enqueue(generation, made.jobs());
    changed.fire(new GenerationChanged(generation.id(), order.userId(), List.of()));
    logged.fire(
        new Logged(
            generation.id(),
            order.type(),
            made.jobs().size(),
            order.userId(),
            cost,
            generation.quotaUnits(),
            balance));
    return new Accepted(generation, cost, balance);
  }
}
