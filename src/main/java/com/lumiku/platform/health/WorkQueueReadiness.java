package com.lumiku.platform.health;

import com.lumiku.platform.messaging.BrokerManagement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while every work queue has at least one consumer attached, as the broker itself
 * reports: an instance whose workers are gone must not take work it cannot see through. This is the
 * check the replaced platform lacked when its worker never started.
 */
@Readiness
@ApplicationScoped
public class WorkQueueReadiness implements HealthCheck {

  @Inject BrokerManagement broker;

  @Inject
  @ConfigProperty(name = "lumiku.work-queues")
  String workQueueNames;

  private List<String> workQueues;

  /**
   * Creates this bean while the application deploys. Payara runs health checks on its own threads,
   * and a bean first created there gets its {@code @ConfigProperty} values without the WAR's
   * microprofile-config.properties: the list of queues came out empty, which made the check UP
   * without checking anything.
   */
  void createAtStartup(@Observes Startup startup) {
    workQueues =
        Arrays.stream(workQueueNames.split(","))
            .map(String::strip)
            .filter(q -> !q.isEmpty())
            .toList();
    if (workQueues.isEmpty()) {
      throw new IllegalStateException(
          "lumiku.work-queues names no queue: readiness could not check the workers");
    }
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("work-queues").up();
    try {
      for (String queue : workQueues) {
        BrokerManagement.QueueFigures figures = broker.queue(queue);
        response.withData(queue + ".consumers", figures.consumers());
        response.withData(queue + ".messages", figures.messages());
        if (figures.consumers() == 0) {
          response.down();
        }
      }
      return response.build();
    } catch (Exception e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
