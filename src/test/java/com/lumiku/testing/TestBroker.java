package com.lumiku.testing;

import com.lumiku.platform.messaging.ManagementClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Security is on, as in production: management questions log in as the management user, test
 * messages as the application's user (the pom's it.broker.* properties, which bin/broker was
 * given).
 */
public final class TestBroker {

  /** A broker login. */
  public record Login(String user, String password) {}

  private TestBroker() {}

  /** The application's user (role lumiku-app). */
  public static Login application() {
    return new Login(
        System.getProperty("it.broker.user", "lumiku"), System.getProperty("it.broker.password"));
  }

  /** The management user (role lumiku-manage). */
  public static Login management() {
    return new Login(
        System.getProperty("it.broker.management-user", "lumiku-manage"),
        System.getProperty("it.broker.management-password"));
  }

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
        sessions -> {
          try (ClientSession session = sessions.plain();
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
        sessions -> {
          try (ClientSession session = sessions.plain();
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

  /**
   * Starts one broker of a shared-store pair (bin/broker start-primary or start-backup) in that
   * folder on that port, on the shared journal folder, the other one on {@code peerPort}; a backup
   * waits, passive.
   *
   * @param role {@code primary} or {@code backup}
   */
  public static void startInPair(
      String role, String dir, int port, String journal, int peerPort, String clusterPassword) {
    ProjectScripts.run(
        Map.of("LUMIKU_BROKER_CLUSTER_PASSWORD", clusterPassword),
        "broker",
        "start-" + role,
        dir,
        String.valueOf(port),
        journal,
        String.valueOf(peerPort));
  }

  /**
   * {@code kill -9} of the broker JVM of that folder (the PID bin/broker recorded): no shutdown,
   * the journal's lock released by the operating system only.
   */
  public static void kill(String dir) {
    try {
      long pid = Long.parseLong(Files.readString(Path.of(dir, "broker.pid")).trim());
      ProcessHandle broker =
          ProcessHandle.of(pid)
              .orElseThrow(() -> new IllegalStateException("No broker process " + pid));
      broker.destroyForcibly();
      broker.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot kill the broker of " + dir, e);
    }
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
    try (ManagementClient client = managementClient(port, management())) {
      return question.apply(client);
    }
  }

  /** The application's own management client, on the suite's broker, logged in as {@code login}. */
  public static ManagementClient managementClient(Login login) {
    return managementClient(suitePort(), login);
  }

  private static ManagementClient managementClient(int port, Login login) {
    return new ManagementClient(
        "127.0.0.1", port, login.user(), login.password(), Duration.ofSeconds(5));
  }

  /** Sessions on one connection, all logged in as one user. */
  public interface Sessions {
    /** A session that commits sends and acknowledgements as they happen. */
    ClientSession plain() throws Exception;

    /** An XA session. */
    ClientSession xa() throws Exception;
  }

  /** What to do with a connection. */
  public interface Connected<T> {
    T with(Sessions sessions) throws Exception;
  }

  /** Work on a connection to the suite's broker, as the application's user. */
  static <T> T connected(Connected<T> work) {
    return connected(application(), work);
  }

  /**
   * Work on a connection to the suite's broker, as {@code login}; a refused login or operation
   * comes out as the broker's exception (e.g. ActiveMQSecurityException) in the cause.
   */
  public static <T> T connected(Login login, Connected<T> work) {
    try (ServerLocator locator =
            ActiveMQClient.createServerLocator(
                "tcp://127.0.0.1:" + suitePort() + "?reconnectAttempts=0");
        ClientSessionFactory factory = locator.createSessionFactory()) {
      int batch = locator.getAckBatchSize();
      return work.with(
          new Sessions() {
            @Override
            public ClientSession plain() throws Exception {
              return factory.createSession(
                  login.user(), login.password(), false, true, true, false, batch);
            }

            @Override
            public ClientSession xa() throws Exception {
              return factory.createSession(
                  login.user(), login.password(), true, false, false, false, batch);
            }
          });
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
