package com.lumiku.credits.control;

import java.util.List;

/**
 * A feature's part of the {@link Reconciliation}: the ledger entries that refer to what the feature
 * owns (e.g. the charges and refunds of generations) checked against its own records. Features
 * provide it as a CDI bean, so that credits never reads their tables.
 */
public interface LedgerCheck {

  /** What does not add up now, in one consistent snapshot per question. */
  List<Reconciliation.Mismatch> mismatches();
}
