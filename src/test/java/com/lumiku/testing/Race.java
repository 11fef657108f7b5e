package com.lumiku.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Requests sent all at once, for tests of what the server keeps exact under concurrency (a balance,
 * a quota, a vote count): each on a thread of a fixed pool (one connection each), released together
 * by a latch; the statuses they got, counted, and how long they took.
 */
public final class Race {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final Map<Integer, Integer> statuses;
  private final long millis;

  private Race(Map<Integer, Integer> statuses, long millis) {
    this.statuses = statuses;
    this.millis = millis;
  }

  /** A bodiless request as the member: {@code method} (PUT, DELETE, ...) of {@code path}. */
  public static HttpRequest request(Api api, Api.Member member, String method, String path) {
    return builder(api, member, path).method(method, HttpRequest.BodyPublishers.noBody()).build();
  }

  /** A POST of JSON as the member. */
  public static HttpRequest post(Api api, Api.Member member, String path, String json) {
    return builder(api, member, path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /**
   * A multipart/form-data POST as the member: text {@code fields} and one file part {@code
   * fileField} named {@code fileName}.
   */
  public static HttpRequest multipart(
      Api api,
      Api.Member member,
      String path,
      Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] file) {
    String boundary = "race-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                        .formatted(boundary, name, value))
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n")
            .formatted(boundary, fileField, fileName)
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return builder(api, member, path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  /**
   * Sends every request at the same moment over {@code threads} threads and waits for all answers.
   *
   * @return how many answers had each status
   */
  public static Map<Integer, Integer> run(List<HttpRequest> requests, int threads)
      throws Exception {
    return race(requests, threads).statuses();
  }

  /** Sends {@code orders} POSTs of JSON {@code body.apply(i)} to {@code path} that way. */
  public static Race run(
      Api api,
      Api.Member member,
      String path,
      IntFunction<String> body,
      int orders,
      int connections)
      throws Exception {
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      requests.add(post(api, member, path, body.apply(i)));
    }
    return race(requests, connections);
  }

  private static Race race(List<HttpRequest> requests, int threads) throws Exception {
    List<Callable<Integer>> sends =
        requests.stream()
            .<Callable<Integer>>map(
                request ->
                    () -> HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
            .toList();
    long began = System.nanoTime();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (int status : allAtOnce(sends, threads)) {
      statuses.merge(status, 1, Integer::sum);
    }
    return new Race(statuses, (System.nanoTime() - began) / 1_000_000);
  }

  /**
   * Starts every task at the same moment over {@code threads} threads and waits for all of them.
   *
   * @return their results, in the order of the tasks
   */
  public static <T> List<T> allAtOnce(List<Callable<T>> tasks, int threads) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> answers = new ArrayList<>();
    try {
      for (Callable<T> task : tasks) {
        answers.add(
            clients.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get());
      }
      return results;
    } finally {
      clients.shutdownNow();
    }
  }

  private static HttpRequest.Builder builder(Api api, Api.Member member, String path) {
    return HttpRequest.newBuilder(URI.create(api.base() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + member.token())
        .header("Accept", "application/json");
  }

  /** How many answers had this status. */
  public int count(int status) {
    return statuses.getOrDefault(status, 0);
  }

  /** Every status and how often it came. */
  public Map<Integer, Integer> statuses() {
    return statuses;
  }

  public long millis() {
    return millis;
  }
}
