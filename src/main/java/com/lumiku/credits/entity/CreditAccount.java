package com.lumiku.credits.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A user's credit balance. It changes only through the {@code Ledger}, which writes a ledger entry
 * for every change; the database refuses a negative balance.
 */
@Entity
@Table(name = "credit_accounts")
public class CreditAccount {

  @Id
  @Column(name = "user_id")
  private UUID userId;

  @Column(nullable = false)
  private long balance;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected CreditAccount() {}

  /** A new, empty account; credits arrive through ledger entries. */
  public CreditAccount(UUID userId) {
    this.userId = userId;
    this.balance = 0;
    this.updatedAt = UtcClock.now();
  }

  public UUID userId() {
    return userId;
  }

  public long balance() {
    return balance;
  }
}
