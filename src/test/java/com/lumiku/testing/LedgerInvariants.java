package com.lumiku.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.TestDatabase.GenerationRow;
import com.lumiku.testing.TestDatabase.LedgerRow;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules money must follow whatever happened, checked on the stored rows: a balance equals the
 * sum of its ledger; every generation was charged once; every failed or canceled one was refunded
 * exactly once and no completed one was; nothing is left prepared. Every test that moves money ends
 * with these.
 */
public final class LedgerInvariants {

  private static final Set<String> TERMINAL = Set.of("completed", "failed", "canceled");

  private LedgerInvariants() {}

  /**
   * Waits until every generation of the user has ended, then checks the rules above.
   *
   * @return the user's generations
   */
  public static List<GenerationRow> assertAddsUp(UUID userId, Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                TestDatabase.generations(userId).stream()
                    .allMatch(g -> TERMINAL.contains(g.status())));
    List<GenerationRow> generations = TestDatabase.generations(userId);
    List<LedgerRow> ledger = TestDatabase.ledger(userId);
    assertBalanceIsLedger(userId);
    assertThat(ledger.stream().filter(e -> e.type().equals("deduct")).map(LedgerRow::referenceId))
        .as("one deduction per generation")
        .containsExactlyInAnyOrderElementsOf(generations.stream().map(GenerationRow::id).toList());
    for (GenerationRow generation : generations) {
      long refunds =
          ledger.stream()
              .filter(e -> e.type().equals("refund") && generation.id().equals(e.referenceId()))
              .count();
      assertThat(refunds)
          .as("refunds of " + generation.status() + " " + generation.id())
          .isEqualTo(generation.status().equals("completed") ? 0 : 1);
    }
    return generations;
  }

  /** The balance equals the sum of the ledger and no entry left it negative. */
  public static void assertBalanceIsLedger(UUID userId) {
    List<LedgerRow> ledger = TestDatabase.ledger(userId);
    assertThat(TestDatabase.balance(userId))
        .as("balance = sum of the ledger")
        .isEqualTo(ledger.stream().mapToLong(LedgerRow::amount).sum());
    assertThat(ledger).allSatisfy(e -> assertThat(e.balanceAfter()).isNotNegative());
  }

  /** The generation was refunded exactly once, its whole cost, and the balance is as it was. */
  public static void assertRefundedOnce(UUID userId, UUID generationId, long cost) {
    assertThat(TestDatabase.ledger(userId))
        .filteredOn(e -> e.type().equals("refund") && generationId.equals(e.referenceId()))
        .extracting(LedgerRow::amount)
        .containsExactly(cost);
    assertBalanceIsLedger(userId);
  }

  /** No XA branch is left prepared in PostgreSQL, nor in the broker on that port. */
  public static void assertNothingPrepared(int brokerPort, Duration within) {
    await().atMost(within).until(() -> TestDatabase.preparedTransactions() == 0);
    await().atMost(within).until(() -> BrokerBranches.preparedBranches(brokerPort).isEmpty());
  }
}
