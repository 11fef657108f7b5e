package com.lumiku.platform.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * are attached, how many messages wait. Readiness relies on these answers, so nothing here is
 * cached and every question opens a real session on the broker.
 *
 * <p>This is a plain Artemis client connection, separate from the resource adapter's pools, so that
 * health probes neither borrow from nor wait on the connections that carry work.
 */
@ApplicationScoped
public class BrokerManagement {

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
   * on Payara's own threads).
   */
  void createAtStartup(@Observes Startup startup) {}

  /** Queue figures as the broker reports them now. */
  public record QueueFigures(
      String queue, int consumers, long messages, long scheduled, long delivering) {}

  /**
   * Opens a session, asks for the queue's figures and closes it.
   *
   * @throws BrokerUnavailableException if the broker cannot be reached or does not answer in time
   */
  public QueueFigures queue(String queue) {
    try (ClientSessionFactory factory = locator().createSessionFactory();
        ClientSession session =
            factory.createSession(user, password, false, true, true, false, 1)) {
      session.start();
      try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
        String resource = ResourceNames.QUEUE + queue;
        return new QueueFigures(
            queue,
            ((Number) attribute(requestor, session, resource, "consumerCount")).intValue(),
            ((Number) attribute(requestor, session, resource, "messageCount")).longValue(),
            ((Number) attribute(requestor, session, resource, "scheduledCount")).longValue(),
            ((Number) attribute(requestor, session, resource, "deliveringCount")).longValue());
      }
    } catch (BrokerUnavailableException e) {
      throw e;
    } catch (Exception e) {
      throw new BrokerUnavailableException(
          "Broker at " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private Object attribute(
      ClientRequestor requestor, ClientSession session, String resource, String name)
      throws Exception {
    ClientMessage request = session.createMessage(false);
    ManagementHelper.putAttribute(request, resource, name);
    ClientMessage reply = requestor.request(request, timeout.toMillis());
    if (reply == null) {
      throw new BrokerUnavailableException(
          "No answer about " + resource + " within " + timeout, null);
    }
    if (!ManagementHelper.hasOperationSucceeded(reply)) {
      throw new BrokerUnavailableException(
          "Broker refused to tell "
              + name
              + " of "
              + resource
              + ": "
              + ManagementHelper.getResult(reply),
          null);
    }
    return ManagementHelper.getResult(reply);
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
}
