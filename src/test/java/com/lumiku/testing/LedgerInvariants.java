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
 * sum of its ledger; every generation was charged once, its whole cost; every failed or canceled
 * job was refunded exactly once, its share, and no completed job was; nothing is left prepared.
 * Every test that moves money ends with these.
 */
public final class LedgerInvariants {

  private static final Set<String> TERMINAL = Set.of("completed", "partial", "failed", "canceled");

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
    assertThat(
            ledger.stream()
                .filter(e -> e.type().equals("deduct"))
                .map(e -> e.referenceId() + " " + -e.amount()))
        .as("one deduction per generation, its cost")
        .containsExactlyInAnyOrderElementsOf(
            generations.stream()
                .filter(g -> g.creditCost() > 0)
                .map(g -> g.id() + " " + g.creditCost())
                .toList());
    for (TestDatabase.JobRow job : TestDatabase.jobs(userId)) {
      List<Long> refunds =
          ledger.stream()
              .filter(e -> e.type().equals("refund") && job.id().equals(e.referenceId()))
              .map(LedgerRow::amount)
              .toList();
      boolean refundable = job.status().equals("failed") || job.status().equals("canceled");
      assertThat(job.status()).as("job " + job.id()).isIn("completed", "failed", "canceled");
      assertThat(job.refunded()).as("job " + job.id() + " marked refunded").isEqualTo(refundable);
      assertThat(refunds)
          .as("refunds of " + job.status() + " job " + job.id())
          .isEqualTo(refundable && job.creditCost() > 0 ? List.of(job.creditCost()) : List.of());
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

  /**
   * The generation of a single job (or a batch's job) was refunded exactly once, its whole cost
   * (share), and the balance equals the ledger.
   */
  public static void assertRefundedOnce(UUID userId, UUID generationOrJobId, long cost) {
    assertThat(TestDatabase.ledger(userId))
        .filteredOn(e -> e.type().equals("refund") && generationOrJobId.equals(e.referenceId()))
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
