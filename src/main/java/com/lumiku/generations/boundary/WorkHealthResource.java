package com.lumiku.generations.boundary;

import com.lumiku.generations.control.Generations;
import com.lumiku.generations.control.WorkerKinds;
import com.lumiku.platform.Roles;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.messaging.BrokerManagement;
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

/**
 * The state of the work, for operators and the front end: per queue what the broker holds, per kind
 * of worker how many consume and what they did in the last hour (from the database). Every number
 * is read now; a broker that does not answer makes this a 503.
 */
@Path("health")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class WorkHealthResource {

  @Inject BrokerManagement broker;
  @Inject WorkerKinds workerKinds;
  @Inject Generations generations;

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

  @JsonbPropertyOrder({
    "name",
    "consumers",
    "maxConcurrency",
    "lastActivityAt",
    "processedLastHour",
    "failedLastHour"
  })
  public record WorkerView(
      String name,
      int consumers,
      int maxConcurrency,
      OffsetDateTime lastActivityAt,
      long processedLastHour,
      long failedLastHour) {}

  @GET
  @Path("queues")
  public List<QueueView> queues() {
    return workerKinds.all().stream().map(kind -> queue(kind.queue())).toList();
  }

  @GET
  @Path("workers")
  public List<WorkerView> workers() {
    OffsetDateTime hourAgo = UtcClock.now().minusHours(1);
    return workerKinds.all().stream()
        .map(
            kind -> {
              BrokerManagement.QueueFigures figures = broker.queue(kind.queue());
              Generations.WorkerActivity activity = generations.activity(kind.app(), hourAgo);
              return new WorkerView(
                  kind.name(),
                  figures.consumers(),
                  kind.maxConcurrency(),
                  activity.lastActivityAt(),
                  activity.completed() + (kind.app() == null ? 0 : activity.failed()),
                  activity.failed());
            })
        .toList();
  }

  private QueueView queue(String name) {
    BrokerManagement.QueueFigures figures = broker.queue(name);
    long deadLettered =
        name.equals(DEAD_LETTERS)
            ? figures.messages()
            : broker.countMessages(DEAD_LETTERS, "_AMQ_ORIG_QUEUE = '" + name + "'");
    long waiting = Math.max(0, figures.messages() - figures.delivering() - figures.scheduled());
    return new QueueView(
        name,
        figures.consumers(),
        waiting,
        figures.delivering(),
        figures.scheduled(),
        deadLettered,
        figures.firstMessageAgeMillis() == null ? null : figures.firstMessageAgeMillis() / 1000);
  }

  private static final String DEAD_LETTERS = "generations.dead-letter";
}
