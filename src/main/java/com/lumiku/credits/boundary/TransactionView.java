package com.lumiku.credits.boundary;

import com.lumiku.credits.entity.CreditTransaction;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A ledger entry as the API shows it; {@code amount} is signed. */
@JsonbPropertyOrder({
  "id",
  "amount",
  "balanceAfter",
  "type",
  "referenceType",
  "referenceId",
  "description",
  "createdAt"
})
public record TransactionView(
    UUID id,
    long amount,
    long balanceAfter,
    String type,
    String referenceType,
    UUID referenceId,
    String description,
    OffsetDateTime createdAt) {

  static TransactionView of(CreditTransaction entry) {
    return new TransactionView(
        entry.id(),
        entry.amount(),
        entry.balanceAfter(),
        entry.type().code(),
        entry.referenceType(),
        entry.referenceId(),
        entry.description(),
        entry.createdAt());
  }
}
