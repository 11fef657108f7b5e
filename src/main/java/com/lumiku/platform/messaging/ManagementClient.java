package com.lumiku.platform.messaging;

import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * Artemis management over the core protocol: attributes and operations of the broker's resources
 * ({@link ResourceNames}), each asked on a session of its own. Plain Java with only the Artemis
 * client, so that the application ({@link BrokerManagement}), the tests and the benchmark ask the
 * broker the same way.
 */
public final class ManagementClient implements AutoCloseable {

  /** One locator per broker, in the order given. */
  private final List<ServerLocator> locators;

  /** The broker that answered last: asked first next time. */
  private volatile int active;

  private final String user;
  private final String password;
  private final Duration timeout;
  private final String where;

  /**
   * A client for the broker at {@code host:port}; fails fast (no reconnection) when it is away.
   *
   * @param user and {@code password}: the broker's management user (role lumiku-manage); null for a
   *     broker without security
   */
  public ManagementClient(String host, int port, String user, String password, Duration timeout) {
    this(List.of(host + ":" + port), user, password, timeout);
  }

  /**
   * A client for whichever of these brokers ({@code host:port}) is active, e.g. a primary and its
   * backup (a passive backup does not listen): each question goes to the broker that answered the
   * last one, and only if that one cannot be reached to the others, in turn. One locator per broker
   * rather than one with both addresses: such a locator waits its retry interval (2 s) before it
   * tries the next address, on every question.
   */
  public ManagementClient(List<String> brokers, String user, String password, Duration timeout) {
    this.where = String.join(",", brokers);
    this.locators = brokers.stream().map(broker -> locator(broker, timeout)).toList();
    this.user = user;
    this.password = password;
    this.timeout = timeout;
  }

  /**
   * A locator for one broker that fails fast (no reconnection) when it is away. It ignores the
   * topology the broker sends (a primary names its backup there): a locator that knows one tries it
   * after its own broker failed, 2 s (its retry interval) later, on every question.
   */
  private static ServerLocator locator(String broker, Duration timeout) {
    try {
      return ActiveMQClient.createServerLocator(
          "tcp://"
              + broker
              + "?reconnectAttempts=0&initialConnectAttempts=1&useTopologyForLoadBalancing=false"
              + "&callTimeout="
              + timeout.toMillis()
              + "&connectionTTL=10000&clientFailureCheckPeriod=2000");
    } catch (Exception e) {
      throw new IllegalArgumentException("Not a broker address: " + broker, e);
    }
  }

  /** The figures of a queue, asked in one session. */
  public QueueFigures queue(String queue) {
    return ask(question -> question.queue(queue));
  }

  /** An attribute of a resource, e.g. {@code messagesAdded} of {@code queue.generations.avatar}. */
  public Object attribute(String resource, String name) {
    return ask(question -> question.attribute(resource, name));
  }

  /** Invokes an operation of a resource, e.g. {@code pause} on a queue, and returns its result. */
  public Object operation(String resource, String name, Object... arguments) {
    return ask(question -> question.operation(resource, name, arguments));
  }

  /** Several questions on one session. */
  public <T> T ask(Conversation<T> conversation) {
    int first = active;
    ActiveMQException unreachable = null;
    for (int i = 0; i < locators.size(); i++) {
      int index = (first + i) % locators.size();
      ClientSessionFactory factory;
      try {
        factory = locators.get(index).createSessionFactory();
      } catch (ActiveMQException e) {
        unreachable = e; // not listening: down, or a passive backup; try the next one
        continue;
      } catch (Exception e) {
        throw new BrokerUnavailableException("Broker at " + where + ": " + e.getMessage(), e);
      }
      active = index;
      return ask(factory, conversation);
    }
    throw new BrokerUnavailableException(
        "Broker at " + where + ": " + unreachable.getMessage(), unreachable);
  }

  private <T> T ask(ClientSessionFactory sessionFactory, Conversation<T> conversation) {
    try (ClientSessionFactory factory = sessionFactory;
        ClientSession session =
            factory.createSession(user, password, false, true, true, false, 1)) {
      session.start();
      // Replies come through a temporary queue named activemq.management.<uuid>, which the
      // broker lets the management role create and read (server-config/broker.xml).
      try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
        return conversation.with(new Question(session, requestor));
      }
    } catch (BrokerUnavailableException e) {
      throw e;
    } catch (Exception e) {
      throw new BrokerUnavailableException("Broker at " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    locators.forEach(ServerLocator::close);
  }

  /** What to ask in one session. */
  public interface Conversation<T> {
    T with(Question question) throws Exception;
  }

  /** One management conversation on an open session. */
  public final class Question {
    private final ClientSession session;
    private final ClientRequestor requestor;

    Question(ClientSession session, ClientRequestor requestor) {
      this.session = session;
      this.requestor = requestor;
    }

    /** The figures of a queue. */
    public QueueFigures queue(String queue) throws Exception {
      String resource = ResourceNames.QUEUE + queue;
      return new QueueFigures(
          queue,
          ((Number) attribute(resource, "consumerCount")).intValue(),
          ((Number) attribute(resource, "messageCount")).longValue(),
          ((Number) attribute(resource, "scheduledCount")).longValue(),
          ((Number) attribute(resource, "deliveringCount")).longValue(),
          attribute(resource, "firstMessageAge") instanceof Number age ? age.longValue() : null);
    }

    public Object attribute(String resource, String name) throws Exception {
      ClientMessage request = session.createMessage(false);
      ManagementHelper.putAttribute(request, resource, name);
      return answer(request, name + " of " + resource);
    }

    public Object operation(String resource, String name, Object... arguments) throws Exception {
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
