package com.lumiku.apps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The declared apps with their settings applied: prices, and per worker its queue and concurrency.
 * Built once, at deployment; a declaration that cannot work (a duplicate id, worker, queue or job
 * type, a missing or negative price, a concurrency below 1) stops the deployment with a clear
 * message instead of failing the first order.
 */
public record Catalogue(List<Listing> apps, List<WorkQueue> workQueues) {

  /** The name of the engine's dead-letter consumer, which no app's worker may take. */
  static final String RESERVED = "dead-letter";

  /** An app as {@code GET /api/apps} lists it: its operations with their prices in credits. */
  public record Listing(
      String id, String name, String description, boolean enabled, Map<String, Long> costs) {}

  /** A queue some workers of an app consume, how many of them, and the job types they do. */
  public record WorkQueue(
      String worker, String queue, int concurrency, String app, Set<String> jobTypes) {}

  /**
   * Applies the settings to the declarations.
   *
   * @param settings a setting's value by key (prices), e.g. from MicroProfile Config
   * @param workerSettings the same for the workers' queue and concurrency, which must come from
   *     where the container reads them for the message-driven beans (see {@link AppRegistry})
   * @throws IllegalStateException if the declarations and settings do not make a working catalogue
   */
  public static Catalogue of(
      List<App> declared,
      Function<String, Optional<String>> settings,
      Function<String, Optional<String>> workerSettings) {
    List<Listing> apps = new ArrayList<>();
    List<WorkQueue> queues = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, String> workerOfType = new HashMap<>();
    Set<String> queueNames = new HashSet<>();
    Set<String> workerNames = new HashSet<>();
    for (App app : declared.stream().sorted(Comparator.comparing(App::id)).toList()) {
      require(ids.add(app.id()), "Two apps are called " + app.id());
      Map<String, Long> costs = new LinkedHashMap<>();
      for (String operation : app.operations()) {
        String key = "lumiku.apps." + app.id() + ".cost." + operation;
        long cost =
            parse(
                key,
                settings
                    .apply(key)
                    .orElseThrow(() -> new IllegalStateException("No price set: " + key)));
        require(cost >= 0, key + " must not be negative");
        costs.put(operation, cost);
      }
      for (App.Worker worker : app.workers()) {
        require(workerNames.add(worker.name()), "Two workers are called " + worker.name());
        require(!worker.name().equals(RESERVED), RESERVED + " is the engine's own worker");
        String prefix = "lumiku.workers." + worker.name();
        String queue =
            workerSettings.apply(prefix + ".queue").orElse(worker.defaultQueue()).strip();
        int concurrency =
            (int)
                parse(
                    prefix + ".concurrency",
                    workerSettings
                        .apply(prefix + ".concurrency")
                        .orElse(String.valueOf(worker.defaultConcurrency())));
        require(queueNames.add(queue), "Two workers consume " + queue);
        require(concurrency >= 1, prefix + ".concurrency must be at least 1");
        for (String type : worker.jobTypes()) {
          String other = workerOfType.putIfAbsent(type, worker.name());
          require(other == null, "Job type " + type + " is done by " + other + " already");
        }
        queues.add(new WorkQueue(worker.name(), queue, concurrency, app.id(), worker.jobTypes()));
      }
      apps.add(
          new Listing(
              app.id(), app.name(), app.description(), true, Collections.unmodifiableMap(costs)));
    }
    return new Catalogue(List.copyOf(apps), List.copyOf(queues));
  }

  /** The price of an app's operation. */
  public long cost(String app, String operation) {
    return apps.stream()
        .filter(listing -> listing.id().equals(app))
        .map(listing -> listing.costs().get(operation))
        .filter(Objects::nonNull)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("No operation " + operation + " of " + app));
  }

  /** The queue whose workers do this job type. */
  public WorkQueue queueOf(String jobType) {
    return workQueues.stream()
        .filter(queue -> queue.jobTypes().contains(jobType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No worker does jobs of type " + jobType));
  }

  private static long parse(String key, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(key + " must be a whole number, not " + value, e);
    }
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalStateException("App registry: " + problem);
    }
  }
}
