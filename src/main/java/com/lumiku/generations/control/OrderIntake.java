package com.lumiku.generations.control;

import com.lumiku.platform.metrics.Described;
import com.lumiku.platform.problem.DependencyUnavailable;
import com.lumiku.platform.ratelimit.RateLimits;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit for orders: concurrent orders share one XA transaction and one commit.
 *
 * <p>A resource hands its order's transactional work here and answers when the returned stage
 * completes (the request is suspended meanwhile). Orders wait in a queue; up to {@code
 * lumiku.intake.batch.tasks} managed tasks each take what is waiting (at most {@code
 * lumiku.intake.batch.size}), run every order's work one after the other in one transaction (the
 * charges, rows and messages of all of them), and commit once: one two-phase commit over PostgreSQL
 * and the broker, one transaction-log write, instead of one per order. Only then is each request
 * answered, so a 202 still means its charge, rows and message are committed.
 *
 * <ul>
 *   <li>An order whose work throws (a 402, a 404, a 409, a 429...) is answered with that failure;
 *       the transaction, which its failure spoilt, is rolled back; the orders before it run again
 *       in a transaction of their own and the orders after it form the next one: a refused order
 *       never fails the others nor is half-applied, and no order runs more than twice.
 *   <li>A commit that fails answers every order of that transaction with the failure: a 503 that
 *       says nothing was charged, or, when the outcome is unknown or mixed (the transaction
 *       manager's SystemException, a heuristic outcome), one that tells the client to retry with
 *       its Idempotency-Key, which answers the first outcome once recovery has ended it.
 *   <li>Idempotency keys keep their meaning: two requests with one key in one batch run one after
 *       the other in the same transaction, and the second finds the first's answer.
 *   <li>The rate limit on orders counts each order once ({@link #countOrder}), also when it runs
 *       again; a 429 is a refusal like a 402. The count is taken as the order is submitted, on the
 *       request's thread, and given back if its work never asks for it ({@link #takeCount}).
 *   <li>Committed orders are answered on a task of their own, not on the one that commits.
 *   <li>One task by default: two batches committing at once could lock rows that orders of
 *       different users share (a preset's use count) in opposite orders and deadlock (PostgreSQL
 *       would end one after a second, a 503). Within a batch the orders run in the order of their
 *       users' ids.
 * </ul>
 */
@ApplicationScoped
public class OrderIntake {

  private static final Logger LOG = Logger.getLogger(OrderIntake.class.getName());

  /** The transaction resource that names the order whose work is running. */
  private static final String CURRENT = OrderIntake.class.getName() + ".current";

  /** The batch-size histogram ({@code /metrics?scope=application}). */
  public static final String BATCH_SIZE = "generations.intake.batch.size";

  @Resource ManagedExecutorService executor;
  @Resource UserTransaction transaction;
  @Resource TransactionSynchronizationRegistry registry;
  @Inject RateLimits limits;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "lumiku.intake.batch.size")
  int batchSize;

  @Inject
  @ConfigProperty(name = "lumiku.intake.batch.tasks")
  int tasks;

  private final ConcurrentLinkedQueue<Order<?>> waiting = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Answer> unanswered = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean stopped;

  /** An order waiting for a batch: whose it is, its work, and the stage that answers it. */
  private static final class Order<T> {

    final UUID userId;
    final Supplier<T> work;
    final CompletableFuture<T> answer = new CompletableFuture<>();

    /**
     * Why the rate limit took no count for it as it was submitted (a 429, or its database failing;
     * see {@link #takeCount}); null if it took one.
     */
    RuntimeException refusal;

    /** Whether its work counted it (at its first run; a run again does not count). */
    boolean counted;

    Order(UUID userId, Supplier<T> work) {
      this.userId = userId;
      this.work = work;
    }

    UUID userId() {
      return userId;
    }

    /**
     * What gives its count back to the rate limit if its work never asked for it (see {@link
     * #takeCount}), or null.
     */
    Runnable unusedCount;

    void complete(Object result) {
      @SuppressWarnings("unchecked")
      T typed = (T) result;
      settleCount();
      answer.complete(typed);
    }

    void fail(Throwable why) {
      settleCount();
      answer.completeExceptionally(why);
    }

    /** Before it is answered, so that its next order finds the count given back. */
    private void settleCount() {
      if (unusedCount != null && !counted) {
        unusedCount.run();
      }
      unusedCount = null;
    }
  }

  /**
   * Checks the settings and registers the batch-size histogram at zero as the application deploys
   * (a wrong setting stops the start, not the first order).
   */
  void register(@Observes Startup startup) {
    if (batchSize < 1 || tasks < 1) {
      throw new IllegalStateException(
          "lumiku.intake.batch.size and lumiku.intake.batch.tasks must be 1 or more, not "
              + batchSize
              + " and "
              + tasks);
    }
    metrics.histogram(batchSize());
  }

  private static Metadata batchSize() {
    return Described.metric(
        BATCH_SIZE, "Orders committed together in one transaction (group commit), per commit");
  }

  /**
   * Queues the order's work for the next batch.
   *
   * @param work the order's transactional work (it joins the batch's transaction); it must not use
   *     the request's context (request-scoped beans, {@code UriInfo}): it runs on a managed task
   * @return the work's result once its transaction has committed, or its failure
   */
  public <T> CompletionStage<T> submit(UUID userId, Supplier<T> work) {
    Order<T> order = new Order<>(userId, work);
    takeCount(order);
    waiting.add(order);
    if (stopped) {
      // (Checked after the add: a stop between the two has answered it, or this does.)
      failWaiting(stopping());
      return order.answer;
    }
    startTask();
    return order.answer;
  }

  /**
   * Takes the order's count from its user's rate limit on orders ({@link GenerationRequests#LIMIT})
   * on the submitting thread, before the order waits: the limit's own transaction (a row lock and a
   * commit in PostgreSQL) then runs beside the other requests' instead of on the one task that runs
   * every order of a batch, where it was a fifth of each order's time. The count stands only if the
   * order's work asks for it ({@link #countOrder}): one whose work ends before (a replay of its
   * Idempotency-Key, a 404, a stopping application) gets it back as it is answered, and a refusal
   * (429) is the order's answer only when its work asks, so that a replay is still answered, and a
   * 404 is still a 404, past the limit. The price: until such an order is answered it holds a
   * count, so an order of the same user that arrives meanwhile, one count below the limit, is
   * refused.
   */
  private void takeCount(Order<?> order) {
    try {
      limits.acquire(GenerationRequests.LIMIT, order.userId.toString());
    } catch (RuntimeException refused) {
      order.refusal = refused;
      return;
    }
    order.unusedCount = () -> giveBack(order.userId);
  }

  private void giveBack(UUID userId) {
    try {
      limits.giveBack(GenerationRequests.LIMIT, userId.toString());
    } catch (RuntimeException e) {
      // One count too many until the bucket refills: not worth failing an answered order for.
      LOG.log(
          Level.WARNING,
          "The rate limit's count of an order of user {0} that did not count could not be given"
              + " back: {1}",
          new Object[] {userId, String.valueOf(e)});
    }
  }

  /**
   * Counts an order against its user's rate limit on orders ({@link GenerationRequests#LIMIT}),
   * once: an order run again, after another order of its batch failed, was counted at its first
   * run. An order of a batch uses the count taken as it was submitted (see {@link #takeCount}), or
   * fails with the refusal it got then. (A replay of an Idempotency-Key never gets here, so in the
   * end it never counts, as before batches; it holds the count taken at its submission until it is
   * answered.)
   *
   * @throws com.lumiku.platform.ratelimit.RateLimited 429 past the limit
   */
  void countOrder(UUID userId) {
    Object current = registry.getTransactionKey() == null ? null : registry.getResource(CURRENT);
    if (current instanceof Order<?> order && order.userId.equals(userId)) {
      if (!order.counted) {
        if (order.refusal != null) {
          throw order.refusal;
        }
        order.counted = true;
      }
      return;
    }
    limits.acquire(GenerationRequests.LIMIT, userId.toString());
  }

  /** Makes sure a task is taking batches, up to the configured number of tasks. */
  private void startTask() {
    int now;
    while ((now = running.get()) < tasks) {
      if (running.compareAndSet(now, now + 1)) {
        try {
          executor.execute(this::takeBatches);
        } catch (RuntimeException e) {
          // Rejected (stopping, overloaded) or refused otherwise: no task will take these now.
          if (running.decrementAndGet() == 0) {
            failWaiting(new DependencyUnavailable("No task to commit orders", e));
          }
        }
        return;
      }
    }
  }

  private void takeBatches() {
    try {
      List<Order<?>> batch;
      while (!(batch = nextBatch()).isEmpty()) {
        commit(batch);
      }
    } finally {
      running.decrementAndGet();
      // An order queued after the last look, while this task still counted as running.
      if (!waiting.isEmpty()) {
        startTask();
      }
    }
  }

  private List<Order<?>> nextBatch() {
    List<Order<?>> batch = new ArrayList<>();
    Order<?> next;
    while (batch.size() < batchSize && (next = waiting.poll()) != null) {
      batch.add(next);
    }
    batch.sort(Comparator.comparing(Order::userId));
    return batch;
  }

  /**
   * Runs the batch in one transaction. An order whose work fails is answered with its failure; the
   * orders before it run again in a transaction of their own (they ran once, so they normally
   * commit), then the orders after it as the next part, by the same rule: every order runs at most
   * twice, however many of a batch are refused.
   */
  private void commit(List<Order<?>> batch) {
    Deque<List<Order<?>>> parts = new ArrayDeque<>();
    parts.add(batch);
    long began = System.nanoTime();
    int transactions = 0;
    while (!parts.isEmpty()) {
      List<Order<?>> part = parts.poll();
      if (part.isEmpty()) {
        continue;
      }
      transactions++;
      Object[] results = new Object[part.size()];
      int failed;
      try {
        failed = runAll(part, results);
      } catch (RuntimeException | Error commitFailure) {
        // Every order of the part is answered, whatever failed: none may wait forever.
        for (Order<?> order : part) {
          order.fail(commitFailure);
        }
        LOG.log(
            Level.WARNING,
            "A batch of {0} orders did not commit; each is answered with the failure: {1}",
            new Object[] {part.size(), String.valueOf(commitFailure)});
        if (commitFailure instanceof VirtualMachineError fatal) {
          failAll(parts, fatal);
          throw fatal;
        }
        continue;
      }
      if (failed < 0) {
        answer(part, results);
        metrics.histogram(batchSize()).update(part.size());
        LOG.log(
            Level.FINE,
            "Committed {0} orders in one transaction ({1} transactions for the batch, {2} ms)",
            new Object[] {part.size(), transactions, (System.nanoTime() - began) / 1_000_000});
        continue;
      }
      parts.addFirst(part.subList(failed + 1, part.size()));
      parts.addFirst(part.subList(0, failed));
    }
  }

  /**
   * Answers committed orders on a task of their own: completing an order's stage writes its
   * response (the request resumes on the completing thread), work that would otherwise wait on the
   * one task that runs every order (8 % of its time). Here if no task can be had. The orders wait
   * in a queue that any answering task, or the application's stop, empties: a committed order is
   * answered exactly once even if a task never runs.
   */
  private void answer(List<Order<?>> committed, Object[] results) {
    for (int i = 0; i < committed.size(); i++) {
      unanswered.add(new Answer(committed.get(i), results[i]));
    }
    try {
      executor.execute(this::sendAnswers);
    } catch (RuntimeException rejected) {
      sendAnswers();
    }
  }

  private void sendAnswers() {
    Answer next;
    while ((next = unanswered.poll()) != null) {
      try {
        next.order().complete(next.result());
      } catch (RuntimeException e) {
        // (The order's own callbacks failed; the others are still answered.)
        LOG.log(Level.WARNING, "Answering a committed order failed: {0}", String.valueOf(e));
      }
    }
  }

  /** A committed order and its result, waiting to be answered. */
  private record Answer(Order<?> order, Object result) {}

  private static void failAll(Deque<List<Order<?>>> parts, Throwable why) {
    parts.forEach(part -> part.forEach(order -> order.fail(why)));
    parts.clear();
  }

  /**
   * One transaction for the orders: each one's work in turn, then the commit.
   *
   * @return -1 if every order's work ran and the transaction committed; otherwise the index of the
   *     order whose work failed (answered with its failure; the transaction rolled back)
   * @throws RuntimeException if the commit (or the transaction's start) failed
   */
  private int runAll(List<Order<?>> orders, Object[] results) {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        // Left by a failed rollback or commit of an earlier batch on this thread.
        transaction.rollback();
      }
      transaction.begin();
    } catch (Exception e) {
      throw new DependencyUnavailable("Cannot begin a transaction for orders", e);
    }
    try {
      for (int i = 0; i < orders.size(); i++) {
        Order<?> order = orders.get(i);
        registry.putResource(CURRENT, order);
        try {
          results[i] = order.work.get();
        } catch (RuntimeException | LinkageError | AssertionError refused) {
          // (Errors of this order's code are its own failure; a VirtualMachineError is not.)
          rollback();
          order.fail(refused);
          return i;
        }
      }
    } catch (RuntimeException | Error unexpected) {
      rollback();
      throw unexpected;
    }
    try {
      transaction.commit();
      return -1;
    } catch (SystemException | HeuristicMixedException e) {
      // The outcome is not known here, or is partly committed (recovery ends it): the mapper
      // tells the client to retry with its Idempotency-Key, which answers the first outcome.
      throw new IllegalStateException("Commit of a batch of orders failed", e);
    } catch (Exception e) {
      throw new DependencyUnavailable("Commit of a batch of orders failed", e);
    }
  }

  private void rollback() {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Rollback of a batch of orders failed: {0}", String.valueOf(e));
    }
  }

  /**
   * The application stops: orders still waiting are answered 503 (nothing of them was done);
   * committed orders not answered yet are answered here.
   */
  @PreDestroy
  void stop() {
    stopped = true;
    failWaiting(stopping());
    sendAnswers();
  }

  private void failWaiting(RuntimeException why) {
    Order<?> order;
    while ((order = waiting.poll()) != null) {
      order.fail(why);
    }
  }

  private static RuntimeException stopping() {
    return new DependencyUnavailable("The application is stopping", null);
  }
}
