package com.lumiku.testing;

import com.lumiku.platform.messaging.ManagementClient;
import java.time.Duration;
import java.util.function.Function;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * The integration tests' Artemis broker: asks it about its queues through management messages, the
 * application's own {@link ManagementClient} (so tests can prove what was, or was not, queued),
 * sends and receives labelled test messages, and stops and restarts it through bin/broker, the same
 * script that started it. XA branches made and abandoned on purpose are {@link BrokerBranches}'.
 */
public final class TestBroker {

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
            producer.send(labelled(session, label, text));
          }
          return null;
        });
  }

  /** A durable text message with its label (string property "label"). */
  static ClientMessage labelled(ClientSession session, String label, String text) {
    ClientMessage message = session.createMessage(true);
    message.putStringProperty("label", label);
    message.getBodyBuffer().writeString(text);
    return message;
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
    return management(suitePort(), client -> client.attribute(ResourceNames.QUEUE + queue, name));
  }

  static Object operation(String resource, String name, Object... arguments) {
    return operation(suitePort(), resource, name, arguments);
  }

  static Object operation(int port, String resource, String name, Object... arguments) {
    return management(port, client -> client.operation(resource, name, arguments));
  }

  private static Object management(int port, Function<ManagementClient, Object> question) {
    try (ManagementClient client =
        new ManagementClient("127.0.0.1", port, null, null, Duration.ofSeconds(5))) {
      return question.apply(client);
    }
  }

  interface Connected<T> {
    T with(ClientSessionFactory factory) throws Exception;
  }

  static <T> T connected(Connected<T> work) {
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

  static int suitePort() {
    return Integer.getInteger("it.broker.port", 61626);
  }
}
