package com.lumiku.generations.boundary;

import com.lumiku.generations.control.WorkerKinds;
import com.lumiku.generations.control.WorkerKinds.WorkerKind;
import com.lumiku.platform.messaging.BrokerManagement;
import com.lumiku.platform.messaging.QueueFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while every work queue (each app's and the dead-letter queue, as {@link WorkerKinds}
 * lists them) has at least one consumer attached, as the broker itself reports: an instance whose
 * workers are gone must not take work it cannot see through. This is the check the replaced
 * platform lacked when its worker never started. DOWN ("starting") until the application has
 * deployed and the list is known.
 */
@Readiness
@ApplicationScoped
public class WorkQueueReadiness implements HealthCheck {

  @Inject BrokerManagement broker;
  @Inject WorkerKinds workerKinds;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("work-queues").up();
    List<WorkerKind> kinds = workerKinds.all();
    if (kinds.isEmpty()) {
      return response.down().withData("starting", true).build();
    }
    try {
      for (WorkerKind kind : kinds) {
        QueueFigures figures = broker.queue(kind.queue());
        response.withData(kind.queue() + ".consumers", figures.consumers());
        response.withData(kind.queue() + ".messages", figures.messages());
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
