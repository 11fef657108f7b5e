package com.lumiku.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Avatar orders at a steady pace from a thread of its own, whatever happens to the server
 * meanwhile: what was sent, and which were accepted (202).
 */
public final class Burst {

  public final List<UUID> accepted = new CopyOnWriteArrayList<>();
  public final AtomicInteger sent = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private Thread thread;

  private Burst() {}

  /** Starts sending {@code orders} orders, one every {@code pace}, into a new project. */
  public static Burst start(Api api, Api.Member member, int orders, Duration pace) {
    Burst burst = new Burst();
    UUID projectId = api.createProject(member);
    burst.thread =
        new Thread(
            () -> {
              for (int i = 0; i < orders && !burst.stopped.get(); i++) {
                burst.sent.incrementAndGet();
                try {
                  var answer = api.orderAvatar(member, projectId, "burst order " + i);
                  if (answer.statusCode() == 202) {
                    burst.accepted.add(UUID.fromString(answer.path("generation.id")));
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
            },
            "burst");
    burst.thread.start();
    return burst;
  }

  /** Stops sending and waits for the thread. */
  public void stop() throws InterruptedException {
    stopped.set(true);
    thread.join(30_000);
  }

  /** Waits until every order was sent. */
  public void awaitDone() throws InterruptedException {
    thread.join(120_000);
  }
}
