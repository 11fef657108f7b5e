package com.lumiku.platform.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks the broker itself about its queues, through Artemis management messages: how many consumers
 * are attached, how many messages wait; and lists and rolls back the XA branches it holds prepared.
 * Readiness relies on these answers, so nothing here is cached and every question opens a real
 * session on the broker.
 *
 * <p>This is a plain Artemis client connection, separate from the resource adapter's pools, so that
 * health probes neither borrow from nor wait on the connections that carry work.
 */
@ApplicationScoped
public class BrokerManagement {

  /** Artemis' duplicate-detection property; Lumiku's work messages carry their generation's id. */
  private static final String DUPLICATE_ID = Message.HDR_DUPLICATE_DETECTION_ID.toString();

  @Inject
  @ConfigProperty(name = "lumiku.broker.host", defaultValue = "127.0.0.1")
  String host;

  @Inject
  @ConfigProperty(name = "lumiku.broker.port", defaultValue = "61616")
  int port;

  @Inject
  @ConfigProperty(name = "lumiku.broker.user", defaultValue = "lumiku")
  String user;

  @Inject
  @ConfigProperty(name = "lumiku.broker.password", defaultValue = "lumiku")
  String password;

  @Inject
  @ConfigProperty(name = "lumiku.broker.management-timeout", defaultValue = "PT2S")
  Duration timeout;

  private ServerLocator locator;

  /**
   * Creates this bean while the application deploys, so that its settings come from the
   * application's configuration and not from that of whichever thread first asks (health checks run
   * on Payara's own threads). It runs before the other start-up observers (default priority
   * APPLICATION + 500): once WorkQueueReadiness is set up, a probe may call this bean at once.
   */
  void createAtStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup startup) {}

  /** Queue figures as the broker reports them now. */
  public record QueueFigures(
      String queue,
      int consumers,
      long messages,
      long scheduled,
      long delivering,
      Long firstMessageAgeMillis) {}

  /**
   * Opens a session, asks for the queue's figures and closes it.
   *
   * @throws BrokerUnavailableException if the broker cannot be reached or does not answer in time
   */
  public QueueFigures queue(String queue) {
    return ask(
        question -> {
          String resource = ResourceNames.QUEUE + queue;
          return new QueueFigures(
              queue,
              ((Number) question.attribute(resource, "consumerCount")).intValue(),
              ((Number) question.attribute(resource, "messageCount")).longValue(),
              ((Number) question.attribute(resource, "scheduledCount")).longValue(),
              ((Number) question.attribute(resource, "deliveringCount")).longValue(),
              question.attribute(resource, "firstMessageAge") instanceof Number age
                  ? age.longValue()
                  : null);
        });
  }

  /**
   * How many messages in the queue match an Artemis filter expression, e.g. the dead letters that
   * came from one queue: {@code _AMQ_ORIG_QUEUE = 'generations.avatar'}.
   */
  public long countMessages(String queue, String filter) {
    return ask(
        question ->
            ((Number) question.operation(ResourceNames.QUEUE + queue, "countMessages", filter))
                .longValue());
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
        ask(
            question ->
                (String)
                    question.operation(
                        ResourceNames.BROKER, "listPreparedTransactionDetailsAsJSON"));
    if (details == null || details.isBlank()) {
      return List.of(); // the broker answers "" rather than [] when it holds none
    }
    try (JsonReader reader = Json.createReader(new StringReader(details))) {
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
    return ask(
        question ->
            (Boolean)
                question.operation(
                    ResourceNames.BROKER, "rollbackPreparedTransaction", branch.id()));
  }

  /** One management conversation on an open session. */
  private final class Question {
    private final ClientSession session;
    private final ClientRequestor requestor;

    Question(ClientSession session, ClientRequestor requestor) {
      this.session = session;
      this.requestor = requestor;
    }

    Object attribute(String resource, String name) throws Exception {
      ClientMessage request = session.createMessage(false);
      ManagementHelper.putAttribute(request, resource, name);
      return answer(request, name + " of " + resource);
    }

    Object operation(String resource, String name, Object... arguments) throws Exception {
      ClientMessage request = session.createMessage(false);
      ManagementHelper.putOperationInvocation(request, resource, name, arguments);
      return answer(request, name + " on " + resource);
    }

    private Object answer(ClientMessage request, String what) throws Exception {
      ClientMessage reply = requestor.request(request, timeout.toMillis());
      if (reply == null) {
        throw new BrokerUnavailableException(
            "No answer about " + what + " within " + timeout, null);
      }
      if (!ManagementHelper.hasOperationSucceeded(reply)) {
        throw new BrokerRefusedException(
            "The broker refused " + what + ": " + ManagementHelper.getResult(reply));
      }
      return ManagementHelper.getResult(reply);
    }
  }

  private interface Conversation<T> {
    T with(Question question) throws Exception;
  }

  private <T> T ask(Conversation<T> conversation) {
    try (ClientSessionFactory factory = locator().createSessionFactory();
        ClientSession session =
            factory.createSession(user, password, false, true, true, false, 1)) {
      session.start();
      try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
        return conversation.with(new Question(session, requestor));
      }
    } catch (BrokerUnavailableException e) {
      throw e;
    } catch (Exception e) {
      throw new BrokerUnavailableException(
          "Broker at " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private synchronized ServerLocator locator() throws Exception {
    if (locator == null) {
      locator =
          ActiveMQClient.createServerLocator(
              "tcp://"
                  + host
                  + ":"
                  + port
                  + "?reconnectAttempts=0&initialConnectAttempts=1&callTimeout="
                  + timeout.toMillis()
                  + "&connectionTTL=10000&clientFailureCheckPeriod=2000");
    }
    return locator;
  }

  @PreDestroy
  synchronized void close() {
    if (locator != null) {
      locator.close();
    }
  }

  /** The broker could not be reached or did not answer. */
  public static class BrokerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The broker answered, but refused the question (e.g. no management permission). */
  public static class BrokerRefusedException extends BrokerUnavailableException {
    private static final long serialVersionUID = 1L;

    public BrokerRefusedException(String message) {
      super(message, null);
    }
  }
}
