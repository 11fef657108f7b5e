package com.lumiku.credits.control;

import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.credits.entity.TransactionType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Credits given or taken by an operator: a positive amount is a {@code grant}, a negative one an
 * {@code adjust} that may not overdraw. The entry names the operator as its reference.
 */
@ApplicationScoped
public class Grants {

  private static final Logger LOG = Logger.getLogger(Grants.class.getName());

  @Inject Ledger ledger;

  @Transactional
  public CreditTransaction grant(UUID adminId, UUID userId, long amount, String reason) {
    CreditTransaction.Reference byAdmin = new CreditTransaction.Reference("admin", adminId);
    CreditTransaction entry =
        amount > 0
            ? ledger.credit(userId, amount, TransactionType.GRANT, byAdmin, reason)
            : ledger.adjust(userId, amount, byAdmin, reason);
    LOG.log(
        Level.INFO,
        "Admin {0} changed the credits of user {1} by {2} ({3}); balance {4}",
        new Object[] {adminId, userId, amount, reason, entry.balanceAfter()});
    return entry;
  }
}
