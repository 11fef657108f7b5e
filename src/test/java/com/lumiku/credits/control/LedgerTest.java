package com.lumiku.credits.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ledger's guards, which hold before anything touches the database: only credits are credited,
 * only positive charges are charged, and a correction must change something.
 */
class LedgerTest {

  final Ledger ledger = new Ledger(); // no EntityManager: every call here must stop at its guard
  final UUID user = UUID.randomUUID();
  final CreditTransaction.Reference reference =
      new CreditTransaction.Reference("generation", UUID.randomUUID());

  @Test
  void creditingTakesOnlyPositiveAmountsOfCreditingTypes() {
    for (TransactionType type :
        new TransactionType[] {TransactionType.DEDUCT, TransactionType.ADJUST}) {
      assertThatThrownBy(() -> ledger.credit(user, 10, type, reference, "x"))
          .as(type.code())
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (long amount : new long[] {0, -5}) {
      assertThatThrownBy(() -> ledger.credit(user, amount, TransactionType.REFUND, reference, "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aChargeMustBePositive() {
    for (long cost : new long[] {0, -10}) {
      assertThatThrownBy(() -> ledger.deduct(user, cost, reference, "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aCorrectionMustChangeTheBalance() {
    assertThatThrownBy(() -> ledger.adjust(user, 0, reference, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTakeBackMustAskForSomething() {
    for (long upTo : new long[] {0, -3}) {
      assertThatThrownBy(() -> ledger.takeBack(user, upTo, reference, "x"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
