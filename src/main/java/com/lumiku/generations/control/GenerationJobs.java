package com.lumiku.generations.control;

import com.lumiku.apps.AppRegistry;
import com.lumiku.apps.Catalogue;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The jobs the deployed apps provide, by the generation type each does. Checked while the
 * application deploys: every job type an app declares must have exactly one job, or the deployment
 * fails (a missing job would charge users for work nobody can do).
 */
@ApplicationScoped
public class GenerationJobs {

  @Inject @Any Instance<GenerationJob> jobs;

  void verify(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 1) Startup startup,
      AppRegistry registry) {
    Map<String, Long> jobsByType =
        jobs.stream().collect(Collectors.groupingBy(GenerationJob::type, Collectors.counting()));
    for (Catalogue.WorkQueue queue : registry.workQueues()) {
      for (String type : queue.jobTypes()) {
        long count = jobsByType.getOrDefault(type, 0L);
        if (count != 1) {
          throw new IllegalStateException(
              "App "
                  + queue.app()
                  + " declares job type "
                  + type
                  + ", which "
                  + (count == 0 ? "no GenerationJob does" : count + " GenerationJobs do"));
        }
      }
    }
  }

  /** The deployed jobs by type, looked up once: every order and every job asks. */
  private volatile Map<String, GenerationJob> byType;

  /** The job that does generations of this type, if a deployed app provides one. */
  public Optional<GenerationJob> of(String type) {
    Map<String, GenerationJob> known = byType;
    if (known == null) {
      known =
          jobs.stream()
              .collect(Collectors.toMap(GenerationJob::type, job -> job, (first, other) -> first));
      byType = known;
    }
    return Optional.ofNullable(known.get(type));
  }
}
