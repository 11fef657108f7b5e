package com.lumiku.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Avatar orders at a steady pace from threads of their own, whatever happens to the server
 * meanwhile: what was sent, and which were accepted (202).
 */
public final class Burst {

  public final List<UUID> accepted = new CopyOnWriteArrayList<>();
  public final AtomicInteger sent = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  private Burst() {}

  /** Starts sending {@code orders} orders, one every {@code pace}, into a new project. */
  public static Burst start(Api api, Api.Member member, int orders, Duration pace) {
    return start(api, member, orders, pace, 1);
  }

  /**
   * Starts sending orders into a new project from {@code senders} threads at once, each {@code
   * orders} orders, one every {@code pace}: orders that arrive together, which the group commit
   * puts in one transaction.
   */
  public static Burst start(Api api, Api.Member member, int orders, Duration pace, int senders) {
    Burst burst = new Burst();
    UUID projectId = api.createProject(member);
    for (int sender = 0; sender < senders; sender++) {
      String name = "burst-" + sender;
      Thread thread =
          new Thread(() -> burst.send(api, member, projectId, name, orders, pace), name);
      burst.threads.add(thread);
      thread.start();
    }
    return burst;
  }

  private void send(
      Api api, Api.Member member, UUID projectId, String name, int orders, Duration pace) {
    for (int i = 0; i < orders && !stopped.get(); i++) {
      sent.incrementAndGet();
      try {
        var answer = api.orderAvatar(member, projectId, name + " order " + i);
        if (answer.statusCode() == 202) {
          accepted.add(UUID.fromString(answer.path("generation.id")));
        }
      } catch (Exception lostInFlight) {
        // the server went away mid-request (RestAssured rethrows the IOException
        // unchecked): the order may or may not have committed
      }
      try {
        Thread.sleep(pace.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sending and waits for the threads. */
  public void stop() throws InterruptedException {
    stopped.set(true);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
  }

  /** Waits until every order was sent. */
  public void awaitDone() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(120_000);
    }
  }
}
