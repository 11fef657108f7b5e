package com.lumiku.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Many POSTs of one member released at once over a fixed number of connections, to race for
 * something scarce (a balance, a quota): which statuses came back how often, and how long it took.
 */
public final class Race {

  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private long millis;

  private Race() {}

  /**
   * Sends {@code orders} POSTs of JSON {@code body.apply(i)} to {@code path}, {@code connections}
   * at a time, all released together, and waits for every answer.
   */
  public static Race run(
      Api api,
      Api.Member member,
      String path,
      IntFunction<String> body,
      int orders,
      int connections)
      throws Exception {
    Race race = new Race();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI target = URI.create(api.base() + path);
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      String json = body.apply(i);
      done.add(
          clients.submit(
              () -> {
                start.await();
                HttpRequest request =
                    HttpRequest.newBuilder(target)
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + member.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
                int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                race.statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                return null;
              }));
    }
    long began = System.nanoTime();
    start.countDown();
    try {
      for (Future<?> request : done) {
        request.get();
      }
    } finally {
      clients.shutdown();
    }
    race.millis = (System.nanoTime() - began) / 1_000_000;
    return race;
  }

  /** How many answers had this status. */
  public int count(int status) {
    AtomicInteger count = statuses.get(status);
    return count == null ? 0 : count.get();
  }

  /** Every status and how often it came, for messages. */
  public Map<Integer, AtomicInteger> statuses() {
    return statuses;
  }

  public long millis() {
    return millis;
  }
}
