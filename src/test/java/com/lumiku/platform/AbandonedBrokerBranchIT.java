package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.transaction.xa.Xid;
import org.apache.activemq.artemis.core.transaction.impl.XidImpl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A broker XA branch of Payara's transaction manager that nobody ends, as a crash between prepare
 * and commit leaves one (Payara's recovery at start cannot see the broker), is rolled back once it
 * has stayed prepared for the configured age (3 s here): the message it had consumed is delivered
 * again, the one it had sent never is. A branch of another transaction manager's format is left
 * alone. The branches are made by the test through Artemis' own XA client on a queue of the test's
 * own.
 */
class AbandonedBrokerBranchIT extends DeployedApplicationTest {

  private static final String QUEUE = "test.abandoned-branches";
  private static final int PAYARA_XID_FORMAT = 0x4A5453; // "JTS"
  private static final int OTHER_XID_FORMAT = 42;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.applicationWith(
        String.join(
            "\n",
            "lumiku.broker.abandoned-branch-age=PT3S",
            "lumiku.broker.abandoned-branch-check-interval=PT0.5S"));
  }

  @Test
  void anAbandonedBranchIsRolledBackAndItsMessageDeliveredAgain() {
    TestBroker.ensureQueue(QUEUE);
    String run = UUID.randomUUID().toString();
    Xid payara = xid(PAYARA_XID_FORMAT, "consume-" + run);
    Xid payaraSend = xid(PAYARA_XID_FORMAT, "send-" + run);
    Xid other = xid(OTHER_XID_FORMAT, "consume-" + run);
    TestBroker.send(QUEUE, "payara-" + run, "held by Payara's branch");
    TestBroker.send(QUEUE, "other-" + run, "held by another manager's branch");

    try {
      assertThat(TestBroker.consumeInAbandonedBranch(QUEUE, "payara-" + run, payara))
          .isEqualTo("held by Payara's branch");
      assertThat(TestBroker.consumeInAbandonedBranch(QUEUE, "other-" + run, other))
          .isEqualTo("held by another manager's branch");
      TestBroker.sendInAbandonedBranch(QUEUE, "sent-" + run, "sent by Payara's branch", payaraSend);
      assertThat(TestBroker.preparedBranches())
          .contains(
              TestBroker.branchId(payara),
              TestBroker.branchId(payaraSend),
              TestBroker.branchId(other));
      // While the branches are prepared, the consumed message is held and the sent one unseen.
      assertThat(TestBroker.receive(QUEUE, "payara-" + run, 200)).isNull();
      assertThat(TestBroker.receive(QUEUE, "sent-" + run, 200)).isNull();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  TestBroker.preparedBranches().stream()
                      .noneMatch(
                          id ->
                              id.equals(TestBroker.branchId(payara))
                                  || id.equals(TestBroker.branchId(payaraSend))));
      assertThat(TestBroker.receive(QUEUE, "payara-" + run, 5000))
          .isEqualTo("held by Payara's branch");
      assertThat(TestBroker.receive(QUEUE, "sent-" + run, 1000)).isNull();

      // Not Payara's: not ours to end, however old.
      assertThat(TestBroker.preparedBranches()).contains(TestBroker.branchId(other));
      assertThat(TestBroker.receive(QUEUE, "other-" + run, 200)).isNull();
    } finally {
      if (TestBroker.preparedBranches().contains(TestBroker.branchId(other))) {
        TestBroker.rollBackPrepared(other);
      }
      TestBroker.receive(QUEUE, "other-" + run, 2000);
    }
  }

  private static Xid xid(int format, String name) {
    return new XidImpl(
        ("branch-" + format).getBytes(StandardCharsets.US_ASCII),
        format,
        ("abandoned-" + name).getBytes(StandardCharsets.US_ASCII));
  }
}
