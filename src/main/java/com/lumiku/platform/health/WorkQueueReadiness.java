package com.lumiku.platform.health;

import com.lumiku.platform.messaging.BrokerManagement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  List<String> workQueues;

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
