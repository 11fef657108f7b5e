package com.lumiku.generations.boundary;

import com.lumiku.generations.control.WorkerActivity;
import com.lumiku.generations.control.WorkerKinds;
import com.lumiku.generations.control.WorkerKinds.WorkerKind;
import com.lumiku.platform.Roles;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.messaging.BrokerManagement;
import com.lumiku.platform.messaging.ConsumerCensus;
import com.lumiku.platform.messaging.QueueFigures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The state of the work, for operators only (admins; users get 403): per queue what the broker
 * holds, per kind of worker how many consume (in all, and per instance: the client id its consumers
 * carry, {@link ConsumerCensus}) and what they did in the last hour (from the database). Every
 * number is read now; a broker that does not answer makes this a 503.
 */
@Path("health")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class WorkHealthResource {

  @Inject BrokerManagement broker;
  @Inject WorkerKinds workerKinds;
  @Inject WorkerActivity activity;

  @JsonbPropertyOrder({
    "name",
    "consumers",
    "waiting",
    "active",
    "scheduled",
    "deadLettered",
    "oldestWaitingSeconds"
  })
  public record QueueView(
      String name,
      int consumers,
      long waiting,
      long active,
      long scheduled,
      long deadLettered,
      Long oldestWaitingSeconds) {}

  /**
   * An instance's consumers of one worker kind; the name is its client id, "" when it gave none.
   */
  @JsonbPropertyOrder({"name", "consumers"})
  public record InstanceView(String name, int consumers) {}

  @JsonbPropertyOrder({
    "name",
    "consumers",
    "instances",
    "maxConcurrency",
    "lastActivityAt",
    "processedLastHour",
    "failedLastHour"
  })
  public record WorkerView(
      String name,
      int consumers,
      List<InstanceView> instances,
      int maxConcurrency,
      OffsetDateTime lastActivityAt,
      long processedLastHour,
      long failedLastHour) {}

  @GET
  @Path("queues")
  @Operation(
      summary = "Work queues",
      description =
          "Per queue, read from the broker now: consumers, waiting, in delivery, scheduled for redelivery, dead-lettered, and the age of the oldest waiting message.")
  public List<QueueView> queues() {
    String deadLetters = workerKinds.deadLetters().queue();
    return workerKinds.all().stream().map(kind -> queue(kind, deadLetters)).toList();
  }

  @GET
  @Path("workers")
  @Operation(
      summary = "Workers",
      description =
          "Per kind of worker (each app, then dead-letter): consumers of all instances and per instance, concurrency, last activity, processed and failed in the last hour.")
  public List<WorkerView> workers() {
    workerKinds.deadLetters(); // 503 while the application is still deploying
    OffsetDateTime hourAgo = UtcClock.now().minusHours(1);
    ConsumerCensus census = broker.consumers();
    return workerKinds.all().stream()
        .map(
            kind -> {
              QueueFigures figures = broker.queue(kind.queue());
              WorkerActivity.Figures done =
                  kind.isDeadLetters()
                      ? activity.ofDeadLetters(hourAgo)
                      : activity.ofWorker(kind.app(), kind.jobTypes(), hourAgo);
              return new WorkerView(
                  kind.name(),
                  figures.consumers(),
                  census.byInstance(kind.queue()).entrySet().stream()
                      .map(e -> new InstanceView(e.getKey(), e.getValue()))
                      .toList(),
                  kind.maxConcurrency(),
                  done.lastActivityAt(),
                  done.completed() + done.failed(),
                  kind.isDeadLetters() ? 0 : done.failed());
            })
        .toList();
  }

  private QueueView queue(WorkerKind kind, String deadLetters) {
    QueueFigures figures = broker.queue(kind.queue());
    long deadLettered =
        kind.isDeadLetters()
            ? figures.messages()
            : broker.countMessages(deadLetters, "_AMQ_ORIG_QUEUE = '" + kind.queue() + "'");
    return new QueueView(
        kind.queue(),
        figures.consumers(),
        figures.waiting(),
        figures.delivering(),
        figures.scheduled(),
        deadLettered,
        figures.firstMessageAgeMillis() == null ? null : figures.firstMessageAgeMillis() / 1000);
  }
}
