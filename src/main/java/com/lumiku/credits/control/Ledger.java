package com.lumiku.credits.control;

import com.lumiku.credits.entity.CreditAccount;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The only way balances change. Every change is one conditional {@code UPDATE} of the account (so
 * concurrent changes never lose an update and a deduction never overdraws) plus one append-only
 * ledger entry with the balance it left, in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

  @PersistenceContext EntityManager em;

  /** Opens an empty account for a new user. */
  public void open(UUID userId) {
    em.persist(new CreditAccount(userId));
  }

  /**
   * Takes {@code cost} credits for what {@code reference} names.
   *
   * @return the balance left
   * @throws InsufficientCredits if the balance does not cover the cost (nothing changes)
   */
  public long deduct(
      UUID userId, long cost, CreditTransaction.Reference reference, String description) {
    Long left = change(userId, -cost);
    if (left == null) {
      throw new InsufficientCredits(cost, balance(userId));
    }
    em.persist(
        new CreditTransaction(userId, -cost, left, TransactionType.DEDUCT, reference, description));
    return left;
  }

  /** Adds credits of a kind that only ever adds: a grant, a top-up or a refund. */
  public long credit(
      UUID userId,
      long amount,
      TransactionType type,
      CreditTransaction.Reference reference,
      String description) {
    if (amount <= 0) {
      throw new IllegalArgumentException("A credit must be positive: " + amount);
    }
    Long balance = change(userId, amount);
    if (balance == null) {
      throw new IllegalStateException("User " + userId + " has no credit account");
    }
    em.persist(new CreditTransaction(userId, amount, balance, type, reference, description));
    return balance;
  }

  /** The current balance, 0 for a user without an account. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long balance(UUID userId) {
    CreditAccount account = em.find(CreditAccount.class, userId);
    return account == null ? 0 : account.balance();
  }

  /** Applies a signed change unless it would overdraw; null when no row changed. */
  private Long change(UUID userId, long delta) {
    @SuppressWarnings("unchecked")
    List<Number> balance =
        em.createNativeQuery(
                "UPDATE credit_accounts SET balance = balance + ?1, updated_at = ?2"
                    + " WHERE user_id = ?3 AND balance + ?1 >= 0 RETURNING balance")
            .setParameter(1, delta)
            .setParameter(2, UtcClock.now())
            .setParameter(3, userId)
            .getResultList();
    return balance.isEmpty() ? null : balance.get(0).longValue();
  }
}
