package com.lumiku.platform;

import static com.lumiku.testing.BrokerBranches.PAYARA_FORMAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.BrokerBranches;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.ScrapedMetrics;
import com.lumiku.testing.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/**
 * A broker XA branch of this instance's transaction manager that nobody ends, as a crash between
 * prepare and commit leaves one (Payara's recovery at start cannot see the broker), is rolled back
 * once it has stayed prepared for the configured age (8 s here), not before: the message it had
 * consumed goes back to the queue, the one it had sent never appears. Branches of another instance
 * (another XA server name) or of another transaction manager (another Xid format) are left alone.
 * The branches are made by the test with Artemis' own XA client, on a queue of the test's own, as
 * the application's broker user: under events.#, which that user may use, and not generations.#,
 * whose dead letters the application would take for failed generations.
 */
public interface AbandonedBrokerBranchScenarios extends Scenarios {

  String QUEUE = "events.test-abandoned-branches";
  Duration AGE = Duration.ofSeconds(8);

  @Test
  default void onlyThisInstancesAbandonedBranchesAreRolledBackAfterTheAge() throws Exception {
    TestBroker.ensureQueue(QUEUE);
    String run = UUID.randomUUID().toString();
    Xid consumed = BrokerBranches.xid(PAYARA_FORMAT, "lumiku", "consume-" + run);
    Xid sent = BrokerBranches.xid(PAYARA_FORMAT, "lumiku", "send-" + run);
    Xid otherInstance = BrokerBranches.xid(PAYARA_FORMAT, "lumiku-b", "consume-" + run);
    Xid otherManager = BrokerBranches.xid(42, "lumiku", "consume-" + run);
    List<Xid> all = List.of(consumed, sent, otherInstance, otherManager);
    for (String label : List.of("consumed-", "other-instance-", "other-manager-")) {
      TestBroker.send(QUEUE, label + run, "for " + label);
    }

    try {
      long madeAt = System.nanoTime();
      BrokerBranches.consumeInAbandonedBranch(QUEUE, "consumed-" + run, consumed);
      BrokerBranches.sendInAbandonedBranch(QUEUE, "sent-" + run, "sent by the branch", sent);
      BrokerBranches.consumeInAbandonedBranch(QUEUE, "other-instance-" + run, otherInstance);
      BrokerBranches.consumeInAbandonedBranch(QUEUE, "other-manager-" + run, otherManager);

      // Younger than the age: all four stay prepared, their messages held or unseen.
      Thread.sleep(3000);
      assertThat(BrokerBranches.preparedBranches())
          .containsAll(all.stream().map(BrokerBranches::branchId).toList());
      assertThat(TestBroker.receive(QUEUE, "sent-" + run, 200)).isNull();
      // What the alert LumikuTransactionInDoubt reads: this instance's two (and only its own).
      ScrapedMetrics metrics = ScrapedMetrics.scrape(api(), "application");
      assertThat(metrics.value("transactions_prepared", "resource=\"broker\"")).isEqualTo(2);
      assertThat(metrics.value("transactions_prepared_oldest_seconds", "resource=\"broker\""))
          .isGreaterThanOrEqualTo(1);

      await()
          .atMost(Duration.ofSeconds(40))
          .until(
              () ->
                  BrokerBranches.preparedBranches().stream()
                      .noneMatch(
                          id ->
                              id.equals(BrokerBranches.branchId(consumed))
                                  || id.equals(BrokerBranches.branchId(sent))));
      assertThat(Duration.ofNanos(System.nanoTime() - madeAt)).isGreaterThanOrEqualTo(AGE);
      assertThat(TestBroker.receive(QUEUE, "consumed-" + run, 5000)).isEqualTo("for consumed-");
      assertThat(TestBroker.receive(QUEUE, "sent-" + run, 1000)).isNull();

      // Not this instance's: left for their own transaction managers, however old.
      assertThat(BrokerBranches.preparedBranches())
          .contains(BrokerBranches.branchId(otherInstance), BrokerBranches.branchId(otherManager));
      assertThat(TestBroker.receive(QUEUE, "other-instance-" + run, 200)).isNull();
    } finally {
      List<String> prepared = BrokerBranches.preparedBranches();
      for (Xid xid : all) {
        if (prepared.contains(BrokerBranches.branchId(xid))) {
          BrokerBranches.rollBackPrepared(xid);
        }
      }
      for (String label : List.of("consumed-", "sent-", "other-instance-", "other-manager-")) {
        TestBroker.receive(QUEUE, label + run, 1000);
      }
    }
  }
}
