package com.lumiku.testing;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

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
    managed(
        (session, requestor) -> {
          ClientMessage request = session.createMessage(false);
          ManagementHelper.putOperationInvocation(
              request, ResourceNames.BROKER, "createQueue", configuration, true);
          ClientMessage reply = requestor.request(request, 5000);
          if (reply == null || !ManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException(
                "Cannot create queue "
                    + name
                    + ": "
                    + (reply == null ? "no answer" : ManagementHelper.getResult(reply)));
          }
          return null;
        });
  }

  public static void stop() {
    stop(ProjectScripts.itDir("broker"));
  }

  public static void start() {
    start(ProjectScripts.itDir("broker"), Integer.getInteger("it.broker.port", 61626));
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

  private interface Management<T> {
    T ask(ClientSession session, ClientRequestor requestor) throws Exception;
  }

  private static <T> T managed(Management<T> question) {
    String url =
        "tcp://127.0.0.1:" + System.getProperty("it.broker.port", "61626") + "?reconnectAttempts=0";
    try (ServerLocator locator = ActiveMQClient.createServerLocator(url);
        ClientSessionFactory factory = locator.createSessionFactory();
        ClientSession session = factory.createSession()) {
      session.start();
      try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
        return question.ask(session, requestor);
      }
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot talk to the broker's management", e);
    }
  }
}
