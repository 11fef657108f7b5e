package com.lumiku.generations.control;

import com.lumiku.apps.AppRegistry;
import com.lumiku.apps.Catalogue;
import com.lumiku.platform.messaging.ActivationSettings;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of workers this instance runs: each app's (from the app registry) and the dead-letter
 * consumer. Readiness, the queue and worker figures and the dead-letter handling all take their
 * list from here. Made while the application deploys, right after the registry, because health
 * checks ask for it from threads that do not see the application's configuration.
 */
@ApplicationScoped
public class WorkerKinds {

  /**
   * A kind of worker: its queue, the app whose generations it does and their job types (null and
   * none for the dead-letter consumer, which ends any app's), and how many consume at most.
   */
  public record WorkerKind(
      String name, String queue, String app, Set<String> jobTypes, int maxConcurrency) {

    public WorkerKind {
      jobTypes = Set.copyOf(jobTypes);
    }

    public boolean isDeadLetters() {
      return app == null;
    }
  }

  @Inject AppRegistry registry;

  private volatile List<WorkerKind> kinds;

  void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 1) Startup startup) {
    List<WorkerKind> all = new ArrayList<>();
    for (Catalogue.WorkQueue queue : registry.workQueues()) {
      all.add(
          new WorkerKind(
              queue.worker(), queue.queue(), queue.app(), queue.jobTypes(), queue.concurrency()));
    }
    all.add(
        new WorkerKind(
            "dead-letter",
            ActivationSettings.value(DeadLetters.QUEUE_SETTING, DeadLetters.QUEUE_DEFAULT),
            null,
            Set.of(),
            1));
    kinds = List.copyOf(all);
  }

  /** Every kind, the apps' first; empty until the application has deployed. */
  public List<WorkerKind> all() {
    List<WorkerKind> loaded = kinds;
    return loaded == null ? List.of() : loaded;
  }

  /**
   * The dead-letter consumer's kind.
   *
   * @throws ProblemException 503 while the application is still deploying
   */
  public WorkerKind deadLetters() {
    return all().stream()
        .filter(WorkerKind::isDeadLetters)
        .findFirst()
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        503,
                        "Service Unavailable",
                        "Lumiku is still starting; try again shortly.")));
  }

  /** The kind of worker that does jobs of this type, if any does. */
  public Optional<WorkerKind> doing(String jobType) {
    return all().stream().filter(kind -> kind.jobTypes().contains(jobType)).findFirst();
  }

  /** Whether an app's workers consume this queue (so its dead letters are generations). */
  public boolean isWorkQueue(String queue) {
    return all().stream().anyMatch(kind -> !kind.isDeadLetters() && kind.queue().equals(queue));
  }
}
