package com.lumiku.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;

/**
 * XA branches on the test broker: made with Artemis' own XA client and abandoned once prepared, as
 * a transaction manager that dies between prepare and commit leaves them, and the broker's list of
 * the branches it holds prepared.
 */
public final class BrokerBranches {

  /** The Xid format of Payara's transaction manager: "JTS" in ASCII. */
  public static final int PAYARA_FORMAT = 0x4A5453;

  private BrokerBranches() {}

  /**
   * An Xid shaped like the ones Payara's transaction manager makes: its branch qualifier starts
   * with the XA server name and a comma ("lumiku,server,P100,..." by default).
   */
  public static Xid xid(int format, String serverName, String transaction) {
    return new XidImpl(
        (serverName + ",server,P100,1").getBytes(StandardCharsets.US_ASCII),
        format,
        transaction.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Consumes the message with that label in an XA branch with that Xid, prepares the branch and
   * walks away, as a transaction manager that dies between prepare and commit does: the broker
   * holds the branch prepared, and the message with it.
   *
   * @return the message's text
   */
  public static String consumeInAbandonedBranch(String queue, String label, Xid xid) {
    return TestBroker.connected(
        sessions -> {
          try (ClientSession session = sessions.xa()) {
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
    TestBroker.connected(
        sessions -> {
          try (ClientSession session = sessions.xa();
              ClientProducer producer = session.createProducer(queue)) {
            session.start(xid, XAResource.TMNOFLAGS);
            producer.send(TestBroker.labelled(session, label, text));
            session.end(xid, XAResource.TMSUCCESS);
            session.prepare(xid);
          }
          return null;
        });
  }

  /** The ids (base64, as the broker writes them) of the XA branches the broker holds prepared. */
  public static List<String> preparedBranches() {
    return preparedBranches(TestBroker.suitePort());
  }

  /** The same, of the broker on that port (e.g. one of a test's own). */
  public static List<String> preparedBranches(int port) {
    String details =
        (String)
            TestBroker.operation(
                port, ResourceNames.BROKER, "listPreparedTransactionDetailsAsJSON");
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
    TestBroker.operation(ResourceNames.BROKER, "rollbackPreparedTransaction", branchId(xid));
  }
}
