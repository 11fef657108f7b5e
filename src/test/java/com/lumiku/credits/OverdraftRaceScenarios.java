package com.lumiku.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Race;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.GenerationRow;
import com.lumiku.testing.TestDatabase.LedgerRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A thousand orders race for a balance that covers exactly 250 of them, over HTTP, 100 at a time:
 * exactly 250 are accepted, the rest get 402, the balance ends at zero and never went below, and
 * the ledger, the generations and the workers agree.
 */
public interface OverdraftRaceScenarios extends Scenarios {

  int ORDERS = 1000;
  int AFFORDABLE = 250;
  int CONNECTIONS = 100;
  int COST = 10;

  @Test
  default void concurrentOrdersNeverOverdraw() throws Exception {
    Api.Member member = api().register();
    api().grant(member, AFFORDABLE * COST - 100L);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(AFFORDABLE * COST);
    UUID projectId = api().createProject(member);

    Race race =
        Race.run(
            api(),
            member,
            "/api/apps/avatar-creator/projects/" + projectId + "/avatars/generate",
            i -> "{\"prompt\":\"racer " + i + "\",\"name\":\"Racer " + i + "\"}",
            ORDERS,
            CONNECTIONS);
    long took = race.millis();
    int accepted = race.count(202);
    int rejected = race.count(402);
    Map<Integer, Integer> statuses = race.statuses();
    long balance = TestDatabase.balance(member.id());
    Logger.getLogger(OverdraftRaceScenarios.class.getName())
        .log(
            Level.INFO,
            "overdraft race: {0} orders over {1} connections in {2} ms: {3} accepted, {4} rejected"
                + " (402), other {5}, final balance {6}",
            new Object[] {ORDERS, CONNECTIONS, took, accepted, rejected, statuses, balance});

    assertThat(accepted).isEqualTo(AFFORDABLE);
    assertThat(rejected).isEqualTo(ORDERS - AFFORDABLE);
    assertThat(balance).isZero();
    List<LedgerRow> ledger = TestDatabase.ledger(member.id());
    assertThat(ledger.stream().filter(e -> e.type().equals("deduct")).count())
        .isEqualTo(AFFORDABLE);
    LedgerInvariants.assertBalanceIsLedger(member.id());
    assertThat(TestDatabase.generations(member.id())).hasSize(AFFORDABLE);

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                TestDatabase.generations(member.id()).stream()
                    .allMatch(g -> g.status().equals("completed")));
    assertThat(TestDatabase.generations(member.id()))
        .extracting(GenerationRow::attempts)
        .containsOnly(1);
    assertThat(TestDatabase.avatarsOfUser(member.id())).isEqualTo(AFFORDABLE);
    LedgerInvariants.assertAddsUp(member.id(), Duration.ofSeconds(10));
    assertThat(TestDatabase.preparedTransactions()).isZero();
  }
}
