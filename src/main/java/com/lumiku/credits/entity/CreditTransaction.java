package com.lumiku.credits.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the append-only credit ledger: a signed change of a balance and the balance it left.
 * Entries are never updated or deleted; a balance always equals the sum of its entries.
 */
@Entity
@Table(name = "credit_transactions")
public class CreditTransaction {

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private long amount;

  @Column(name = "balance_after", nullable = false)
  private long balanceAfter;

  @Column(nullable = false)
  private TransactionType type;

  @Column(name = "reference_type")
  private String referenceType;

  @Column(name = "reference_id")
  private UUID referenceId;

  @Column(nullable = false)
  private String description;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected CreditTransaction() {}

  public CreditTransaction(
      UUID userId,
      long amount,
      long balanceAfter,
      TransactionType type,
      Reference reference,
      String description) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.amount = amount;
    this.balanceAfter = balanceAfter;
    this.type = type;
    this.referenceType = reference == null ? null : reference.type();
    this.referenceId = reference == null ? null : reference.id();
    this.description = description;
    this.createdAt = UtcClock.now();
  }

  /** What an entry is about, e.g. {@code generation} and its id. */
  public record Reference(String type, UUID id) {}

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public long amount() {
    return amount;
  }

  public long balanceAfter() {
    return balanceAfter;
  }

  public TransactionType type() {
    return type;
  }

  public String referenceType() {
    return referenceType;
  }

  public UUID referenceId() {
    return referenceId;
  }

  public String description() {
    return description;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
