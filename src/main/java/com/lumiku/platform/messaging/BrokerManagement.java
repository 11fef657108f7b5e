package com.lumiku.platform.messaging;

import com.lumiku.platform.JsonDocuments;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the broker itself about its queues, through Artemis management messages ({@link
 * ManagementClient}): how many consumers are attached, how many messages wait; and lists and rolls
 * back the XA branches it holds prepared. Readiness relies on these answers, so nothing here is
 * cached and every question opens a real session on the broker.
 *
 * <p>This is a plain Artemis client connection, separate from the resource adapter's pools, so that
 * health probes neither borrow from nor wait on the connections that carry work.
 */
@ApplicationScoped
public class BrokerManagement {

  /** Artemis' duplicate-detection property; Lumiku's work messages carry their generation's id. */
  private static final String DUPLICATE_ID = Message.HDR_DUPLICATE_DETECTION_ID.toString();

  @Inject
  @ConfigProperty(name = "lumiku.broker.host")
  String host;

  @Inject
  @ConfigProperty(name = "lumiku.broker.port")
  int port;

  /**
   * The backup broker of a high-availability pair, if there is one (README, Broker high
   * availability): management then asks whichever of the two is active.
   */
  @Inject
  @ConfigProperty(name = "lumiku.broker.backup-host")
  Optional<String> backupHost;

  @Inject
  @ConfigProperty(name = "lumiku.broker.backup-port")
  Optional<Integer> backupPort;

  /**
   * The broker's management user, not the application's: only it may ask management questions, and
   * it cannot touch the work queues (server-config/broker.xml).
   */
  @Inject
  @ConfigProperty(name = "lumiku.broker.management-user")
  String user;

  @Inject
  @ConfigProperty(name = "lumiku.broker.management-password")
  String password;

  @Inject
  @ConfigProperty(name = "lumiku.broker.management-timeout")
  Duration timeout;

  private ManagementClient client;

  /**
   * Creates this bean while the application deploys, so that its settings come from the
   * application's configuration and not from that of whichever thread first asks (health checks run
   * on Payara's own threads). It runs before the other start-up observers (default priority
   * APPLICATION + 500): once the readiness checks are set up, a probe may call this bean at once.
   */
  void createAtStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup startup) {}

  /**
   * Opens a session, asks for the queue's figures and closes it.
   *
   * @throws ManagementClient.BrokerUnavailableException if the broker cannot be reached or does not
   *     answer in time
   */
  public QueueFigures queue(String queue) {
    return client().queue(queue);
  }

  /**
   * The broker's consumers per queue and per instance ({@link ConsumerCensus}), from one session:
   * the consumers, then the sessions they belong to.
   */
  public ConsumerCensus consumers() {
    return client().ask(BrokerManagement::census);
  }

  /** The consumers ({@link #consumers()}) and these queues' figures, all from one session. */
  public record Survey(ConsumerCensus consumers, Map<String, QueueFigures> queues) {}

  /**
   * Asks for the consumers and for the figures of these queues in one session: for the gauges,
   * which read them all at each scrape.
   */
  public Survey survey(Collection<String> queues) {
    return client()
        .ask(
            question -> {
              Map<String, QueueFigures> figures = new LinkedHashMap<>();
              for (String queue : queues) {
                figures.put(queue, question.queue(queue));
              }
              return new Survey(census(question), Collections.unmodifiableMap(figures));
            });
  }

  private static ConsumerCensus census(ManagementClient.Question question) throws Exception {
    return ConsumerCensus.parse(
        (String) question.operation(ResourceNames.BROKER, "listAllConsumersAsJSON"),
        (String) question.operation(ResourceNames.BROKER, "listAllSessionsAsJSON"));
  }

  /**
   * How many messages in the queue match an Artemis filter expression, e.g. the dead letters that
   * came from one queue: {@code _AMQ_ORIG_QUEUE = 'generations.avatar'}.
   */
  public long countMessages(String queue, String filter) {
    return ((Number) client().operation(ResourceNames.QUEUE + queue, "countMessages", filter))
        .longValue();
  }

  /**
   * An XA branch the broker holds prepared: its id as the broker writes it (base64 of the whole
   * Xid), the Xid's format and branch qualifier, how many messages it sends and consumes, and the
   * duplicate-detection ids of those messages (Lumiku's work messages carry their generation's id).
   */
  public record PreparedBranch(
      String id,
      int formatId,
      String branchQualifier,
      int sends,
      int consumes,
      List<String> messageIds) {}

  /** The XA branches the broker holds prepared now, waiting for a commit or a rollback. */
  public List<PreparedBranch> preparedBranches() {
    String details =
        (String) client().operation(ResourceNames.BROKER, "listPreparedTransactionDetailsAsJSON");
    if (details == null || details.isBlank()) {
      return List.of(); // the broker answers "" rather than [] when it holds none
    }
    try (JsonReader reader =
        JsonDocuments.reader(new ByteArrayInputStream(details.getBytes(StandardCharsets.UTF_8)))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(BrokerManagement::preparedBranch)
          .toList();
    }
  }

  private static PreparedBranch preparedBranch(JsonObject branch) {
    List<JsonObject> messages =
        branch.containsKey("tx_related_messages")
            ? branch.getJsonArray("tx_related_messages").getValuesAs(JsonObject.class)
            : List.of();
    return new PreparedBranch(
        branch.getString("xid_as_base64"),
        branch.getInt("xid_format_id"),
        branch.getString("xid_branch_qual", ""),
        operations(messages, "send"),
        operations(messages, "receive"),
        messages.stream()
            .map(m -> m.getJsonObject("message_properties"))
            .filter(p -> p != null && p.get(DUPLICATE_ID) instanceof JsonString)
            .map(p -> p.getString(DUPLICATE_ID))
            .toList());
  }

  /** Messages of a branch by operation: the broker labels them "(+) send" and "(-) receive". */
  private static int operations(List<JsonObject> messages, String operation) {
    return (int)
        messages.stream()
            .filter(m -> m.getString("message_operation_type", "").endsWith(operation))
            .count();
  }

  /**
   * Rolls back a prepared branch (the broker keeps a small record of it as heuristically rolled
   * back): what it consumed goes back to its queue, what it sent is dropped.
   *
   * @return false if the broker no longer holds that branch
   */
  public boolean rollBack(PreparedBranch branch) {
    return (Boolean)
        client().operation(ResourceNames.BROKER, "rollbackPreparedTransaction", branch.id());
  }

  private synchronized ManagementClient client() {
    if (client == null) {
      List<String> brokers = new ArrayList<>(List.of(host + ":" + port));
      backupPort.ifPresent(backup -> brokers.add(backupHost.orElse(host) + ":" + backup));
      client = new ManagementClient(brokers, user, password, timeout);
    }
    return client;
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
