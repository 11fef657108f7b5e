package com.lumiku.credits.control;

import com.lumiku.credits.entity.CreditAccount;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The only way balances change. Every change is one conditional {@code UPDATE} of the account (so
 * concurrent changes never lose an update and nothing overdraws) plus one append-only ledger entry
 * with the balance it left, in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

  @PersistenceContext EntityManager em;

  /**
   * Opens an empty account for a new user, written at once: a change of a balance updates the row
   * without flushing what the transaction has still to write.
   */
  public void open(UUID userId) {
    em.persist(new CreditAccount(userId));
    em.flush();
  }

  /**
   * Takes {@code cost} credits for what {@code reference} names.
   *
   * @return the balance left
   * @throws InsufficientCredits if the balance does not cover the cost (nothing changes)
   * @throws IllegalArgumentException if the cost is not positive (a free operation is not charged)
   */
  public long deduct(
      UUID userId, long cost, CreditTransaction.Reference reference, String description) {
    if (cost <= 0) {
      throw new IllegalArgumentException("Not a charge: " + cost);
    }
    Long left = change(userId, -cost);
    if (left == null) {
      throw new InsufficientCredits(cost, balance(userId));
    }
    em.persist(
        new CreditTransaction(userId, -cost, left, TransactionType.DEDUCT, reference, description));
    return left;
  }

  /** Adds credits of a kind that only ever adds: a grant, a top-up or a refund. */
  public CreditTransaction credit(
      UUID userId,
      long amount,
      TransactionType type,
      CreditTransaction.Reference reference,
      String description) {
    if (amount <= 0 || type == TransactionType.DEDUCT || type == TransactionType.ADJUST) {
      throw new IllegalArgumentException("Not a credit: " + type + " of " + amount);
    }
    return record(userId, amount, type, reference, description);
  }

  /**
   * An operator's correction, up or down.
   *
   * @throws ProblemException 409 if it would make the balance negative
   */
  public CreditTransaction adjust(
      UUID userId, long amount, CreditTransaction.Reference reference, String description) {
    if (amount == 0) {
      throw new IllegalArgumentException("An adjustment must change the balance");
    }
    return record(userId, amount, TransactionType.ADJUST, reference, description);
  }

  /**
   * Takes back up to {@code upTo} credits, as many as the balance holds (it never goes below zero),
   * as one negative {@code adjust}: e.g. the credits of a refunded purchase, some of which may be
   * spent. The account row is locked first, so what is taken is exactly what the balance had.
   *
   * @return what was taken (0..upTo; at 0 no entry is written)
   */
  public long takeBack(
      UUID userId, long upTo, CreditTransaction.Reference reference, String description) {
    if (upTo <= 0) {
      throw new IllegalArgumentException("Nothing to take back: " + upTo);
    }
    long taken = Math.min(upTo, lock(userId));
    if (taken > 0) {
      record(userId, -taken, TransactionType.ADJUST, reference, description);
    }
    return taken;
  }

  /**
   * Locks the user's account until the transaction ends: every other change of the balance (a
   * charge, a refund) waits for it, so what the caller checks meanwhile stays true until it
   * commits.
   *
   * @return the balance
   * @throws ProblemException 404 if the user has no account
   */
  public long lock(UUID userId) {
    @SuppressWarnings("unchecked")
    List<Number> balance =
        em.createNativeQuery("SELECT balance FROM credit_accounts WHERE user_id = ?1 FOR UPDATE")
            .setParameter(1, userId)
            .getResultList();
    if (balance.isEmpty()) {
      throw ProblemException.notFound("The credit account of user " + userId);
    }
    return balance.get(0).longValue();
  }

  /** The current balance, 0 for a user without an account. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long balance(UUID userId) {
    List<Number> balance =
        em.createQuery(
                "SELECT a.balance FROM CreditAccount a WHERE a.userId = :userId", Number.class)
            .setParameter("userId", userId)
            .getResultList();
    return balance.isEmpty() ? 0 : balance.get(0).longValue();
  }

  /** A page of the user's ledger, newest first, after the given position. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<CreditTransaction> entries(UUID userId, PageCursor after, int limit) {
    String jpql =
        "SELECT t FROM CreditTransaction t WHERE t.userId = :userId"
            + (after == null
                ? ""
                : " AND (t.createdAt < :createdAt OR (t.createdAt = :createdAt AND t.id < :id))")
            + " ORDER BY t.createdAt DESC, t.id DESC";
    TypedQuery<CreditTransaction> query =
        em.createQuery(jpql, CreditTransaction.class).setParameter("userId", userId);
    if (after != null) {
      query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  private CreditTransaction record(
      UUID userId,
      long amount,
      TransactionType type,
      CreditTransaction.Reference reference,
      String description) {
    Long balance = change(userId, amount);
    if (balance == null) {
      if (em.find(CreditAccount.class, userId) == null) {
        throw ProblemException.notFound("The credit account of user " + userId);
      }
      throw ProblemException.conflict(
          "This would leave a negative balance; the balance is " + balance(userId) + ".");
    }
    CreditTransaction entry =
        new CreditTransaction(userId, amount, balance, type, reference, description);
    em.persist(entry);
    return entry;
  }

  /** Applies a signed change unless it would overdraw; null when no row changed. */
  private Long change(UUID userId, long delta) {
    @SuppressWarnings("unchecked")
    List<Number> balance =
        em.createNativeQuery(
                "UPDATE credit_accounts SET balance = balance + ?1, updated_at = ?2"
                    + " WHERE user_id = ?3 AND balance + ?1 >= 0 RETURNING balance")
            // Reads and writes only the account row: what this transaction has still to write
            // (e.g. the previous orders of a group commit) can wait for the commit's batches.
            .setFlushMode(FlushModeType.COMMIT)
            .setParameter(1, delta)
            .setParameter(2, UtcClock.now())
            .setParameter(3, userId)
            .getResultList();
    return balance.isEmpty() ? null : balance.get(0).longValue();
  }
}
