package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.problem.DependencyUnavailable;
import com.lumiku.platform.ratelimit.RateLimits;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit's rules without a server: one transaction per batch, a refused order answered
 * alone while the others commit without it, a failed commit answering the whole batch, the rate
 * limit counted once per order. The transaction, registry and executor are plain fakes that record
 * what the intake asked of them.
 */
class OrderIntakeTest {

  private static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  private static final UUID CID = UUID.fromString("00000000-0000-0000-0000-00000000000c");

  private final List<String> log = new ArrayList<>();
  private final List<Runnable> tasks = new ArrayList<>();
  private final List<Long> batchSizes = new ArrayList<>();
  private final List<UUID> counted = new ArrayList<>();
  private final List<UUID> givenBack = new ArrayList<>();

  /** What the rate limit says to the next count it is asked for, if it refuses. */
  private RuntimeException limitRefuses;

  private final FakeTransaction transaction = new FakeTransaction();
  private OrderIntake intake;

  @BeforeEach
  void intake() {
    intake = new OrderIntake();
    intake.batchSize = 10;
    intake.tasks = 1;
    intake.transaction = transaction;
    intake.registry = transaction;
    intake.executor =
        proxy(
            ManagedExecutorService.class,
            (method, args) -> {
              if (method.equals("execute")) {
                tasks.add((Runnable) args[0]);
              }
              return null;
            });
    Histogram histogram =
        proxy(
            Histogram.class,
            (method, args) -> {
              if (method.equals("update") && args[0] instanceof Integer size) {
                batchSizes.add(size.longValue());
              }
              return null;
            });
    intake.metrics = proxy(MetricRegistry.class, (method, args) -> histogram);
    intake.limits =
        new RateLimits() {
          @Override
          public void acquire(String limit, String key) {
            if (limitRefuses != null) {
              throw limitRefuses;
            }
            counted.add(UUID.fromString(key));
          }

          @Override
          public void giveBack(String limit, String key) {
            givenBack.add(UUID.fromString(key));
          }
        };
  }

  @Test
  void ordersWaitingTogetherCommitInOneTransactionInTheOrderOfTheirUsers() {
    CompletableFuture<String> bob = submit(BOB, "bob's");
    CompletableFuture<String> ann = submit(ANN, "ann's");

    assertThat(bob).isNotDone();
    runTasks();

    assertThat(bob).isCompletedWithValue("bob's");
    assertThat(ann).isCompletedWithValue("ann's");
    assertThat(log).containsExactly("begin", "ann's", "bob's", "commit");
    assertThat(batchSizes).containsExactly(2L);
  }

  @Test
  void aRefusedOrderIsAnsweredAloneAndTheOthersCommitWithoutIt() {
    CompletableFuture<String> ann = submit(ANN, "ann's");
    CompletableFuture<String> bob =
        refused(BOB, "bob's", new IllegalArgumentException("402 for bob"));
    CompletableFuture<String> cid = submit(CID, "cid's");

    runTasks();

    assertThat(bob).isCompletedExceptionally();
    assertThat(bob.handle((value, failure) -> failure.getMessage()).join())
        .isEqualTo("402 for bob");
    assertThat(ann).isCompletedWithValue("ann's");
    assertThat(cid).isCompletedWithValue("cid's");
    // Ann's ran again alone (she was before Bob), Cid's had not run yet: it is the next part.
    assertThat(log)
        .containsExactly(
            "begin",
            "ann's",
            "bob's",
            "rollback",
            "begin",
            "ann's",
            "commit",
            "begin",
            "cid's",
            "commit");
    assertThat(batchSizes).containsExactly(1L, 1L);
  }

  @Test
  void noOrderRunsMoreThanTwiceHoweverManyAreRefused() {
    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID user = new UUID(0, i);
      boolean refused = i >= 3;
      answers.add(
          intake
              .submit(
                  user,
                  (Supplier<String>)
                      () -> {
                        log.add("run " + user.getLeastSignificantBits());
                        if (refused) {
                          throw new IllegalStateException("402");
                        }
                        return "ok";
                      })
              .toCompletableFuture());
    }

    runTasks();

    for (int i = 0; i < 8; i++) {
      assertThat(answers.get(i).isCompletedExceptionally()).isEqualTo(i >= 3);
      long id = i;
      assertThat(log.stream().filter(("run " + id)::equals).count()).isBetween(1L, 2L);
    }
    assertThat(batchSizes).containsExactly(3L);
  }

  @Test
  void everyAnswerWaitsForTheCommit() {
    List<CompletableFuture<String>> answers = List.of(submit(ANN, "ann's"), submit(BOB, "bob's"));
    transaction.beforeCommit =
        () -> assertThat(answers).allSatisfy(answer -> assertThat(answer).isNotDone());

    runTasks();

    assertThat(answers).allSatisfy(answer -> assertThat(answer).isCompleted());
    assertThat(transaction.checkedBeforeCommit).isEqualTo(1);
  }

  @Test
  void anErrorOfOneOrdersCodeIsThatOrdersFailureAlone() {
    CompletableFuture<String> ann = submit(ANN, "ann's");
    CompletableFuture<String> bob = refused(BOB, "bob's", new NoClassDefFoundError("a class"));

    runTasks();

    assertThat(ann).isCompletedWithValue("ann's");
    assertThat(bob.handle((value, failure) -> failure).join())
        .isInstanceOf(NoClassDefFoundError.class);
  }

  @Test
  void aMixedOutcomeTellsTheClientToRetryWithItsKey() {
    transaction.failCommit = new HeuristicMixedException("the database committed, the broker not");
    CompletableFuture<String> ann = submit(ANN, "ann's");

    runTasks();

    assertThat(ann.handle((value, failure) -> failure).join())
        .isNotInstanceOf(DependencyUnavailable.class)
        .hasCauseInstanceOf(HeuristicMixedException.class);
  }

  @Test
  void ordersNoTaskCanTakeAreAnsweredAtOnce() {
    intake.executor =
        proxy(
            ManagedExecutorService.class,
            (method, args) -> {
              throw new IllegalStateException("the executor is shut down");
            });

    CompletableFuture<String> ann = submit(ANN, "ann's");

    assertThat(ann.handle((value, failure) -> failure).join())
        .isInstanceOf(DependencyUnavailable.class);
  }

  @Test
  void aFailedCommitAnswersEveryOrderOfTheBatchWithTheFailure() {
    transaction.failCommit = new RollbackException("the broker voted no");
    CompletableFuture<String> ann = submit(ANN, "ann's");
    CompletableFuture<String> bob = submit(BOB, "bob's");

    runTasks();

    for (CompletableFuture<String> answer : List.of(ann, bob)) {
      assertThat(answer).isCompletedExceptionally();
      assertThat(answer.handle((value, failure) -> failure).join())
          .isInstanceOf(DependencyUnavailable.class)
          .hasCauseInstanceOf(RollbackException.class);
    }
    assertThat(batchSizes).isEmpty();
  }

  @Test
  void aCommitWhoseOutcomeIsUnknownKeepsTheTransactionManagersFailure() {
    transaction.failCommit = new SystemException("the broker died during the commit");
    CompletableFuture<String> ann = submit(ANN, "ann's");

    runTasks();

    assertThat(ann.handle((value, failure) -> failure).join())
        .hasCauseInstanceOf(SystemException.class);
  }

  @Test
  void theRateLimitCountsEachOrderOnceAlsoWhenItRunsAgain() {
    CompletableFuture<String> ann = countedOrder(ANN, false);
    CompletableFuture<String> bob = countedOrder(BOB, true);

    runTasks();

    assertThat(ann).isCompletedWithValue("counted");
    assertThat(bob).isCompletedExceptionally();
    // Ann's order ran twice (bob's failure rolled the first run back), and counted once.
    assertThat(counted).containsExactly(ANN, BOB);
  }

  @Test
  void theCountIsTakenAsTheOrderIsSubmittedAndGivenBackIfItsWorkNeverAsksForIt() {
    CompletableFuture<String> ann = countedOrder(ANN, false);
    // A replay of an Idempotency-Key, or an order refused (a 404) before its work counts it.
    CompletableFuture<String> replay = submit(BOB, "bob's first answer");
    CompletableFuture<String> missing =
        refused(CID, "no such project", new IllegalArgumentException("404"));

    assertThat(counted).containsExactly(ANN, BOB, CID);
    assertThat(givenBack).isEmpty();
    runTasks();

    assertThat(ann).isCompletedWithValue("counted");
    assertThat(replay).isCompletedWithValue("bob's first answer");
    assertThat(missing).isCompletedExceptionally();
    assertThat(givenBack).containsExactlyInAnyOrder(BOB, CID);
  }

  @Test
  void aRefusalOfTheLimitAnswersOnlyAnOrderWhoseWorkAsksForTheCount() {
    limitRefuses = new IllegalStateException("429: too many orders");
    CompletableFuture<String> limited = countedOrder(ANN, false);
    CompletableFuture<String> replay = submit(BOB, "bob's first answer");
    limitRefuses = null;
    CompletableFuture<String> cid = countedOrder(CID, false);

    runTasks();

    assertThat(limited.handle((value, failure) -> failure).join())
        .hasMessageContaining("429: too many orders");
    assertThat(replay).isCompletedWithValue("bob's first answer");
    assertThat(cid).isCompletedWithValue("counted");
    // The two refused took no count, so none is given back; the others committed without them.
    assertThat(counted).containsExactly(CID);
    assertThat(givenBack).isEmpty();
    assertThat(log).containsExactly("begin", "rollback", "begin", "bob's first answer", "commit");
  }

  @Test
  void answersAreWrittenByATaskOfTheirOwnAfterTheCommit() {
    CompletableFuture<String> ann = submit(ANN, "ann's");
    tasks.remove(0).run();

    assertThat(log).containsExactly("begin", "ann's", "commit");
    assertThat(ann).isNotDone();
    assertThat(tasks).hasSize(1);
    tasks.remove(0).run();
    assertThat(ann).isCompletedWithValue("ann's");
  }

  @Test
  void aCommittedOrderWhoseAnsweringTaskNeverRunsIsAnsweredAtTheStop() {
    CompletableFuture<String> ann = submit(ANN, "ann's");
    tasks.remove(0).run();
    assertThat(ann).isNotDone();

    intake.stop();

    assertThat(ann).isCompletedWithValue("ann's");
    // The task, should it still run, finds nothing left to answer.
    tasks.remove(0).run();
    assertThat(ann).isCompletedWithValue("ann's");
  }

  @Test
  void anOrderOutsideTheIntakeIsCountedEveryTime() {
    intake.countOrder(ANN);
    intake.countOrder(ANN);

    assertThat(counted).containsExactly(ANN, ANN);
  }

  @Test
  void aStoppingApplicationAnswersWaitingOrdersWithoutRunningThem() {
    CompletableFuture<String> ann = submit(ANN, "ann's");

    intake.stop();
    CompletableFuture<String> late = submit(BOB, "bob's");

    assertThat(ann.handle((value, failure) -> failure).join())
        .isInstanceOf(DependencyUnavailable.class);
    assertThat(late).isCompletedExceptionally();
    runTasks();
    assertThat(log).isEmpty();
  }

  private CompletableFuture<String> submit(UUID user, String result) {
    return intake
        .submit(
            user,
            () -> {
              log.add(result);
              return result;
            })
        .toCompletableFuture();
  }

  /** An order whose work logs {@code logged}, then fails with {@code failure}. */
  private CompletableFuture<String> refused(UUID user, String logged, Throwable failure) {
    return intake
        .submit(
            user,
            (Supplier<String>)
                () -> {
                  log.add(logged);
                  if (failure instanceof Error error) {
                    throw error;
                  }
                  throw (RuntimeException) failure;
                })
        .toCompletableFuture();
  }

  private CompletableFuture<String> countedOrder(UUID user, boolean refuse) {
    return intake
        .submit(
            user,
            () -> {
              intake.countOrder(user);
              if (refuse) {
                throw new CompletionException(new IllegalStateException("refused"));
              }
              return "counted";
            })
        .toCompletableFuture();
  }

  private void runTasks() {
    while (!tasks.isEmpty()) {
      tasks.remove(0).run();
    }
  }

  private interface Call {
    Object answer(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Call call) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> call.answer(method.getName(), args)));
  }

  /** A transaction and its registry in one, on this thread. */
  private final class FakeTransaction
      implements UserTransaction, TransactionSynchronizationRegistry {

    Exception failCommit;
    Runnable beforeCommit;
    int checkedBeforeCommit;
    private int status = Status.STATUS_NO_TRANSACTION;
    private final Map<Object, Object> resources = new HashMap<>();

    @Override
    public void begin() {
      log.add("begin");
      status = Status.STATUS_ACTIVE;
      resources.clear();
    }

    @Override
    public void commit() throws RollbackException, SystemException, HeuristicMixedException {
      if (beforeCommit != null) {
        beforeCommit.run();
        checkedBeforeCommit++;
      }
      status = Status.STATUS_NO_TRANSACTION;
      if (failCommit instanceof HeuristicMixedException mixed) {
        throw mixed;
      }
      if (failCommit instanceof RollbackException rollback) {
        throw rollback;
      }
      if (failCommit instanceof SystemException system) {
        throw system;
      }
      log.add("commit");
    }

    @Override
    public void rollback() {
      log.add("rollback");
      status = Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setTransactionTimeout(int seconds) {}

    @Override
    public Object getTransactionKey() {
      return status == Status.STATUS_NO_TRANSACTION ? null : this;
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {}

    @Override
    public int getTransactionStatus() {
      return status;
    }

    @Override
    public boolean getRollbackOnly() {
      return status == Status.STATUS_MARKED_ROLLBACK;
    }
  }
}
