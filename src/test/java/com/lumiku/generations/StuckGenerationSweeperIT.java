package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.Api;
import com.lumiku.testing.DeployedApplicationTest;
import com.lumiku.testing.Deployments;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.LedgerRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Generations that neither finish nor change within the deadline (3 s here, with a 6 s model) are
 * failed and refunded by the sweeper, pending and processing alike; the workers that finish later
 * find them failed and discard their results, so no avatar appears and nothing is charged twice.
 */
class StuckGenerationSweeperIT extends DeployedApplicationTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.applicationWith(
        String.join(
            "\n",
            "lumiku.generator.local.model-time=PT6S",
            "lumiku.generations.deadline=PT3S",
            "lumiku.generations.sweep-interval=PT1S"));
  }

  @Test
  void stuckGenerationsAreFailedAndRefundedOnce() {
    Api.Member member = api.register();
    UUID projectId = api.createProject(member);
    List<UUID> orders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      orders.add(api.acceptedAvatar(member, projectId, "too slow " + i));
    }

    for (UUID order : orders) {
      var swept = api.awaitTerminal(member, order, Duration.ofSeconds(20));
      assertThat(swept.getString("status")).isEqualTo("failed");
      assertThat(swept.getBoolean("refunded")).isTrue();
      assertThat(swept.getString("errorMessage")).contains("No result within");
    }
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);

    // The workers finish their 6 s jobs after the sweep; their results must be thrown away.
    await()
        .pollDelay(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(30))
        .until(() -> TestBroker.messageCount(TestBroker.AVATAR_QUEUE) == 0);
    assertThat(TestDatabase.avatarsOfUser(member.id())).isZero();
    assertThat(TestDatabase.generations(member.id()))
        .allSatisfy(g -> assertThat(g.status()).isEqualTo("failed"));
    assertThat(TestDatabase.ledger(member.id()))
        .extracting(LedgerRow::type)
        .containsOnly("grant", "deduct", "refund")
        .filteredOn(type -> type.equals("refund"))
        .hasSize(5);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
  }
}
