package com.lumiku.generations.control;

import com.lumiku.generations.control.WorkerKinds.WorkerKind;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.messaging.BrokerManagement;
import com.lumiku.platform.messaging.InstanceName;
import com.lumiku.platform.messaging.QueueFigures;
import com.lumiku.platform.metrics.CachedReading;
import com.lumiku.platform.metrics.Described;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of the work queues, for alerts and the queue dashboard (ops/prometheus, ops/grafana): per
 * work queue (tags {@code queue} and {@code worker}) its backlog from the database ({@link
 * QueueBacklog}: waiting, processing, the oldest waiting and the oldest unchanged job's age), and
 * per queue, the dead-letter queue included, what the broker reports: consumers of every instance
 * and of this one ({@code ConsumerCensus}), and the messages waiting in it; and whether the broker
 * answered at all ({@code broker_up}).
 *
 * <p>Prometheus asks for each gauge in turn, every 15 s or so per instance: the database is asked
 * once (one grouped query over the live jobs, from the partial index the sweeper uses) and the
 * broker once (one management session: the consumer census and each queue's figures) per {@link
 * #MAX_AGE} at most, whatever the number of gauges ({@link CachedReading}). Every instance reports
 * the same queue-wide figures; the alert rules take the maximum over instances. A figure that
 * cannot be read is NaN, which no threshold matches (the broker's and the database's own alerts say
 * why).
 */
@ApplicationScoped
public class QueueMetrics {

  /** How long one reading serves the gauges: shorter than any sensible scrape interval. */
  static final Duration MAX_AGE = Duration.ofSeconds(5);

  public static final String WAITING = "generations.queue.waiting";
  public static final String PROCESSING = "generations.queue.processing";
  public static final String OLDEST_WAITING_SECONDS = "generations.queue.oldest.waiting.seconds";
  public static final String OLDEST_UNCHANGED_SECONDS =
      "generations.queue.oldest.unchanged.seconds";
  public static final String CONSUMERS = "generations.queue.consumers";
  public static final String INSTANCE_CONSUMERS = "generations.queue.instance.consumers";
  public static final String MESSAGES = "generations.queue.messages";
  public static final String BROKER_UP = "broker.up";

  private static final String PENDING = StatusSql.in("j.status", Set.of(GenerationStatus.PENDING));
  private static final String LIVE_JOBS =
      "SELECT g.type, count(*) FILTER (WHERE "
          + PENDING
          + "), count(*) FILTER (WHERE "
          + StatusSql.in("j.status", Set.of(GenerationStatus.PROCESSING))
          + "), min(j.created_at) FILTER (WHERE "
          + PENDING
          + "), min(CASE WHEN "
          + PENDING
          + " THEN greatest(j.updated_at, g.updated_at) ELSE j.updated_at END)"
          + " FROM generation_jobs j JOIN generations g ON g.id = j.generation_id WHERE "
          + StatusSql.in("j.status", Set.of(GenerationStatus.PENDING, GenerationStatus.PROCESSING))
          + " GROUP BY g.type";

  @Inject MetricRegistry metrics;
  @Inject WorkerKinds workerKinds;
  @Inject BrokerManagement broker;

  @Resource(lookup = "jdbc/lumiku")
  DataSource dataSource;

  /** Registers the gauges of every queue, once the worker kinds are known. */
  void register(@Observes @Priority(Interceptor.Priority.APPLICATION + 2) Startup startup) {
    List<WorkerKind> kinds = workerKinds.all();
    List<String> workQueues =
        kinds.stream().filter(kind -> !kind.isDeadLetters()).map(WorkerKind::queue).toList();
    List<String> allQueues = kinds.stream().map(WorkerKind::queue).toList();
    CachedReading<Map<String, QueueBacklog>> backlog =
        new CachedReading<>(
            "the work queues' backlog in the database",
            () -> readBacklog(workQueues),
            MAX_AGE,
            System::nanoTime);
    CachedReading<BrokerManagement.Survey> survey =
        new CachedReading<>(
            "the broker's queues and consumers",
            () -> broker.survey(allQueues),
            MAX_AGE,
            System::nanoTime);
    String instance = InstanceName.current();
    for (WorkerKind kind : kinds) {
      Tag[] tags = {new Tag("queue", kind.queue()), new Tag("worker", kind.name())};
      String queue = kind.queue();
      if (!kind.isDeadLetters()) {
        gauge(
            WAITING,
            "Jobs waiting for a worker (pending), from the database",
            backlog,
            b -> b.get(queue).waiting(),
            tags);
        gauge(
            PROCESSING,
            "Jobs being processed, from the database",
            backlog,
            b -> b.get(queue).processing(),
            tags);
        gauge(
            OLDEST_WAITING_SECONDS,
            "How long the oldest waiting job has waited since it was ordered, in seconds",
            backlog,
            b -> b.get(queue).oldestWaitingSeconds(),
            tags);
        gauge(
            OLDEST_UNCHANGED_SECONDS,
            "How long the live job unchanged longest has gone without change, in seconds (the"
                + " stuck-generation sweeper fails it at lumiku.generations.deadline)",
            backlog,
            b -> b.get(queue).oldestUnchangedSeconds(),
            tags);
      }
      gauge(
          CONSUMERS,
          "Consumers of the queue on the broker, of every instance",
          survey,
          s -> s.consumers().total(queue),
          tags);
      gauge(
          INSTANCE_CONSUMERS,
          "Consumers of the queue on the broker that are this instance's",
          survey,
          s -> s.consumers().of(queue, instance),
          tags);
      gauge(
          MESSAGES,
          "Messages waiting in the queue on the broker (not being delivered, not scheduled)",
          survey,
          s -> Optional.ofNullable(s.queues().get(queue)).map(QueueFigures::waiting).orElse(0L),
          tags);
    }
    metrics.gauge(
        Described.metric(
            BROKER_UP, "1 if the broker answered this instance's management questions, else 0"),
        () -> survey.get().isPresent() ? 1 : 0);
  }

  private <T> void gauge(
      String name,
      String description,
      CachedReading<T> reading,
      ToDoubleFunction<T> figure,
      Tag... tags) {
    metrics.gauge(
        Described.metric(name, description),
        () -> reading.get().map(figure::applyAsDouble).orElse(Double.NaN),
        tags);
  }

  private Map<String, QueueBacklog> readBacklog(List<String> queues) {
    List<QueueBacklog.TypeRow> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(LIVE_JOBS)) {
      while (result.next()) {
        rows.add(
            new QueueBacklog.TypeRow(
                result.getString(1),
                result.getLong(2),
                result.getLong(3),
                result.getObject(4, OffsetDateTime.class),
                result.getObject(5, OffsetDateTime.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return QueueBacklog.perQueue(
        rows, type -> workerKinds.doing(type).map(WorkerKind::queue), queues, UtcClock.now());
  }
}
