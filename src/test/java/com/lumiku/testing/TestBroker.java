package com.lumiku.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;

/**
 * The integration tests' Artemis broker: asks it about its queues through management messages (so
 * tests can prove what was, or was not, queued) and stops and restarts it through bin/broker, the
 * same script that started it.
 */
public final class TestBroker {

  public static final String AVATAR_QUEUE = "generations.avatar";

  private TestBroker() {}

  /**
   * Messages ever added to the queue: unchanged means nothing was queued, even if consumed since.
   */
  public static long messagesAdded(String queue) {
    return ((Number) attribute(queue, "messagesAdded")).longValue();
  }

  public static long messageCount(String queue) {
    return ((Number) attribute(queue, "messageCount")).longValue();
  }

  public static int consumerCount(String queue) {
    return ((Number) attribute(queue, "consumerCount")).intValue();
  }

  /** Creates a durable anycast queue (and its address) unless it exists. */
  public static void ensureQueue(String name) {
    String configuration =
        "{\"name\":\""
            + name
            + "\",\"address\":\""
            + name
            + "\",\"routing-type\":\"ANYCAST\","
            + "\"durable\":true,\"auto-create-address\":true}";
    operation(ResourceNames.BROKER, "createQueue", configuration, true);
  }

  /** Sends a text message, labelled (string property "label") so that a consumer can pick it. */
  public static void send(String queue, String label, String text) {
    connected(
        factory -> {
          try (ClientSession session = factory.createSession();
              ClientProducer producer = session.createProducer(queue)) {
            ClientMessage message = session.createMessage(true);
            message.putStringProperty("label", label);
            message.getBodyBuffer().writeString(text);
            producer.send(message);
          }
          return null;
        });
  }

  /** Receives the message with that label, or null if none comes within the wait. */
  public static String receive(String queue, String label, long waitMillis) {
    return connected(
        factory -> {
          try (ClientSession session = factory.createSession();
              ClientConsumer consumer = session.createConsumer(queue, "label = '" + label + "'")) {
            session.start();
            ClientMessage message = consumer.receive(waitMillis);
            if (message == null) {
              return null;
            }
            message.acknowledge();
            return message.getBodyBuffer().readString();
          }
        });
  }

  /**
   * Consumes the message with that label in an XA branch with that Xid, prepares the branch and
   * walks away, as a transaction manager that dies between prepare and commit does: the broker
   * holds the branch prepared, and the message with it.
   *
   * @return the message's text
   */
  public static String consumeInAbandonedBranch(String queue, String label, Xid xid) {
    return connected(
        factory -> {
          try (ClientSession session = factory.createSession(true, false, false)) {
            session.start(xid, XAResource.TMNOFLAGS);
            String text;
            try (ClientConsumer consumer =
                session.createConsumer(queue, "label = '" + label + "'")) {
              session.start();
              ClientMessage message = consumer.receive(5000);
              if (message == null) {
                throw new IllegalStateException("No message labelled " + label + " in " + queue);
              }
              message.acknowledge();
              text = message.getBodyBuffer().readString();
            }
            session.end(xid, XAResource.TMSUCCESS);
            session.prepare(xid);
            return text;
          }
        });
  }

  /** Sends a labelled message in an XA branch with that Xid, prepares it and walks away. */
  public static void sendInAbandonedBranch(String queue, String label, String text, Xid xid) {
    connected(
        factory -> {
          try (ClientSession session = factory.createSession(true, false, false);
              ClientProducer producer = session.createProducer(queue)) {
            session.start(xid, XAResource.TMNOFLAGS);
            ClientMessage message = session.createMessage(true);
            message.putStringProperty("label", label);
            message.getBodyBuffer().writeString(text);
            producer.send(message);
            session.end(xid, XAResource.TMSUCCESS);
            session.prepare(xid);
          }
          return null;
        });
  }

  /** The ids (base64, as the broker writes them) of the XA branches the broker holds prepared. */
  public static List<String> preparedBranches() {
    return preparedBranches(suitePort());
  }

  /** The same, of the broker on that port (e.g. one of a test's own). */
  public static List<String> preparedBranches(int port) {
    String details =
        (String) operation(port, ResourceNames.BROKER, "listPreparedTransactionDetailsAsJSON");
    if (details == null || details.isBlank()) {
      return List.of();
    }
    try (JsonReader reader = Json.createReader(new StringReader(details))) {
      return reader.readArray().getValuesAs(JsonObject.class).stream()
          .map(branch -> branch.getString("xid_as_base64"))
          .toList();
    }
  }

  /** The broker's id of an Xid, as {@link #preparedBranches()} lists it. */
  public static String branchId(Xid xid) {
    return XidImpl.toBase64String(xid);
  }

  /** Rolls back a prepared branch through management, as an operator would. */
  public static void rollBackPrepared(Xid xid) {
    operation(ResourceNames.BROKER, "rollbackPreparedTransaction", branchId(xid));
  }

  public static void stop() {
    stop(ProjectScripts.itDir("broker"));
  }

  public static void start() {
    start(ProjectScripts.itDir("broker"), suitePort());
  }

  /** Stops the broker of that folder (bin/broker: nothing to do if none runs there). */
  public static void stop(String dir) {
    ProjectScripts.run("broker", "stop", dir);
  }

  /** Starts a broker in that folder on that port, e.g. one of a test's own. */
  public static void start(String dir, int port) {
    ProjectScripts.run("broker", "start", dir, String.valueOf(port));
  }

  private static Object attribute(String queue, String name) {
    return managed(
        (session, requestor) -> {
          ClientMessage request = session.createMessage(false);
          ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, name);
          ClientMessage reply = requestor.request(request, 5000);
          if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("The broker did not tell " + name + " of " + queue);
          }
          return ManagementHelper.getResult(reply);
        });
  }

  private static Object operation(String resource, String name, Object... arguments) {
    return operation(suitePort(), resource, name, arguments);
  }

  private static Object operation(int port, String resource, String name, Object... arguments) {
    return managed(
        port,
        (session, requestor) -> {
          ClientMessage request = session.createMessage(false);
          ManagementHelper.putOperationInvocation(request, resource, name, arguments);
          ClientMessage reply = requestor.request(request, 5000);
          if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException(
                name
                    + " on "
                    + resource
                    + " failed: "
                    + (reply == null ? "no answer" : ManagementHelper.getResult(reply)));
          }
          return ManagementHelper.getResult(reply);
        });
  }

  private interface Connected<T> {
    T with(ClientSessionFactory factory) throws Exception;
  }

  private static <T> T connected(Connected<T> work) {
    return connected(suitePort(), work);
  }

  private static <T> T connected(int port, Connected<T> work) {
    try (ServerLocator locator =
            ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port + "?reconnectAttempts=0");
        ClientSessionFactory factory = locator.createSessionFactory()) {
      return work.with(factory);
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot talk to the broker", e);
    }
  }

  private static int suitePort() {
    return Integer.getInteger("it.broker.port", 61626);
  }

  private interface Management<T> {
    T ask(ClientSession session, ClientRequestor requestor) throws Exception;
  }

  private static <T> T managed(Management<T> question) {
    return managed(suitePort(), question);
  }

  private static <T> T managed(int port, Management<T> question) {
    return connected(
        port,
        factory -> {
          try (ClientSession session = factory.createSession()) {
            session.start();
            try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
              return question.ask(session, requestor);
            }
          }
        });
  }
}
