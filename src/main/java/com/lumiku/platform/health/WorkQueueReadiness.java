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

  private volatile List<String> workQueues;

  /**
   * Reads the queue names while the application deploys, on the deploying thread. Payara serves
   * health probes from the moment its listener is up, on its own threads, and a {@code
   * ConfigProperty} injected there comes without the WAR's microprofile-config.properties (no
   * value, or an exception that makes the probe fail the start): so this bean injects no
   * configuration into fields, and until this has run the check is DOWN ("starting").
   */
  void createAtStartup(
      @Observes Startup startup,
      @ConfigProperty(name = "lumiku.work-queues") String workQueueNames) {
    List<String> names =
        Arrays.stream(workQueueNames.split(","))
            .map(String::strip)
            .filter(q -> !q.isEmpty())
            .toList();
    if (names.isEmpty()) {
      throw new IllegalStateException(
          "lumiku.work-queues names no queue: readiness could not check the workers");
    }
    workQueues = names;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("work-queues").up();
    List<String> workQueues = this.workQueues;
    if (workQueues == null) {
      return response.down().withData("starting", true).build();
    }
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
