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
                .filter(e -> e.type().equals("deduct") && e.referenceType().equals("generation"))
                .map(e -> e.referenceId() + " " + -e.amount()))
        .as("one deduction per generation, its cost (charges for no work, like uploads, aside)")
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
    assertQuotaAddsUp(userId);
    return generations;
  }

  /**
   * What the user paid with a quota tier adds up: each such generation consumed exactly its units,
   * each of its jobs got its units back exactly when it is marked refunded, and each tier counts
   * what its ledger took on its day.
   */
  /** Every completed avatar generation drew exactly one avatar; every other one none. */
  public static void assertOneAvatarPerCompleted(List<GenerationRow> generations) {
    for (GenerationRow generation : generations) {
      assertThat(TestDatabase.avatarsOfGeneration(generation.id()))
          .as("avatars of " + generation.status() + " " + generation.id())
          .isEqualTo(generation.status().equals("completed") ? 1 : 0);
    }
  }

  public static void assertQuotaAddsUp(UUID userId) {
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM generations g WHERE g.user_id = ? AND g.quota_units > 0"
                    + " AND NOT EXISTS (SELECT 1 FROM quota_transactions q WHERE q.type = 'consume'"
                    + " AND q.reference_id = g.id AND -q.amount = g.quota_units)",
                userId))
        .as("quota generations without their consumption")
        .isZero();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM generation_jobs j JOIN generations g ON g.id = j.generation_id"
                    + " WHERE g.user_id = ? AND j.quota_units > 0 AND j.refunded <> EXISTS"
                    + " (SELECT 1 FROM quota_transactions q WHERE q.type = 'give-back'"
                    + " AND q.reference_id = j.id AND q.amount = j.quota_units)",
                userId))
        .as("quota jobs whose give-back does not match their refunded flag")
        .isZero();
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM quota_tiers t WHERE t.user_id = ? AND t.used <> coalesce("
                    + "(SELECT -sum(q.amount) FROM quota_transactions q WHERE q.user_id = t.user_id"
                    + " AND q.app = t.app AND q.quota_day = t.quota_day), 0)",
                userId))
        .as("quota tiers whose count is not their ledger's")
        .isZero();
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
