package com.lumiku.generations.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A work queue's backlog as the database tells it: the jobs waiting for a worker (pending: not
 * started yet, or waiting for the broker's next delivery after a failed attempt) and being
 * processed, how long the oldest waiting job has waited since it was ordered, and how long the live
 * job that has gone longest without any change has gone so (the age the stuck-generation sweeper
 * compares with its deadline: a processing job's own last change; a pending job's or its
 * generation's, whichever is later, so a job queued behind the others of a large batch that is
 * moving is not stuck). Read from the database rather than the broker: it is what users wait for,
 * it sees an order whose message is missing (the failure the sweeper exists for), and it can still
 * be read while the broker cannot.
 */
public record QueueBacklog(
    long waiting, long processing, long oldestWaitingSeconds, long oldestUnchangedSeconds) {

  public static final QueueBacklog EMPTY = new QueueBacklog(0, 0, 0, 0);

  /**
   * The live jobs of one job type, as one row of the query: how many wait and are processed, when
   * the oldest waiting one was ordered and when the one unchanged longest last changed (null when
   * there is none).
   */
  public record TypeRow(
      String type,
      long waiting,
      long processing,
      OffsetDateTime oldestWaitingSince,
      OffsetDateTime oldestUnchangedSince) {}

  /**
   * Adds up the rows per queue (a worker may do several job types), with ages as of {@code now}.
   * Every queue given gets an entry, {@link #EMPTY} if it has no live job; a type that no queue's
   * worker does is left out (no worker will ever take its jobs: the sweeper ends them).
   *
   * @param queueOfType the queue whose worker does a job type
   */
  public static Map<String, QueueBacklog> perQueue(
      List<TypeRow> rows,
      Function<String, Optional<String>> queueOfType,
      Collection<String> queues,
      OffsetDateTime now) {
    Map<String, QueueBacklog> backlog = new LinkedHashMap<>();
    queues.forEach(queue -> backlog.put(queue, EMPTY));
    for (TypeRow row : rows) {
      Optional<String> queue = queueOfType.apply(row.type()).filter(backlog::containsKey);
      queue.ifPresent(
          q ->
              backlog.put(
                  q,
                  backlog
                      .get(q)
                      .plus(
                          new QueueBacklog(
                              row.waiting(),
                              row.processing(),
                              secondsSince(row.oldestWaitingSince(), now),
                              secondsSince(row.oldestUnchangedSince(), now)))));
    }
    return backlog;
  }

  /** Whole seconds from {@code since} to {@code now}; 0 for none and for a moment still to come. */
  static long secondsSince(OffsetDateTime since, OffsetDateTime now) {
    if (since == null || !since.isBefore(now)) {
      return 0; // clocks of two hosts disagree by a little: never a negative age
    }
    return Duration.between(since, now).toSeconds();
  }

  private QueueBacklog plus(QueueBacklog other) {
    return new QueueBacklog(
        waiting + other.waiting,
        processing + other.processing,
        Math.max(oldestWaitingSeconds, other.oldestWaitingSeconds),
        Math.max(oldestUnchangedSeconds, other.oldestUnchangedSeconds));
  }
}
