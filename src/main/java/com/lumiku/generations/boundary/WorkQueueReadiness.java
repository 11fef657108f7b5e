package com.lumiku.generations.boundary;

import com.lumiku.generations.control.WorkerKinds;
import com.lumiku.generations.control.WorkerKinds.WorkerKind;
import com.lumiku.platform.health.CheckFailure;
import com.lumiku.platform.messaging.BrokerManagement;
import com.lumiku.platform.messaging.ConsumerCensus;
import com.lumiku.platform.messaging.InstanceName;
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
 * lists them) has at least one consumer of THIS instance attached, as the broker itself reports: an
 * instance whose workers are gone must not take work it cannot see through, even while another
 * instance consumes the same queues. A consumer is this instance's when its session carries the
 * instance's name as client id ({@link WorkerActivation#CLIENT_ID}, {@link ConsumerCensus}). This
 * is the check the replaced platform lacked when its worker never started. DOWN ("starting") until
 * the application has deployed and the list is known.
 *
 * <p>Data: per queue this instance's consumers ({@code <queue>.consumers}), all instances' ({@code
 * <queue>.consumers-all}) and the messages it holds; and the instance's name.
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
    String instance = InstanceName.current();
    response.withData("instance", instance);
    try {
      ConsumerCensus census = broker.consumers();
      for (WorkerKind kind : kinds) {
        QueueFigures figures = broker.queue(kind.queue());
        int own = census.of(kind.queue(), instance);
        response.withData(kind.queue() + ".consumers", own);
        response.withData(kind.queue() + ".consumers-all", figures.consumers());
        response.withData(kind.queue() + ".messages", figures.messages());
        if (own == 0) {
          response.down();
        }
      }
      return response.build();
    } catch (Exception e) {
      return CheckFailure.down(response, e);
    }
  }
}
