package com.lumiku.credits.entity;

import java.util.Locale;

/** Why a balance changed. */
public enum TransactionType {
  /** Credits given without payment, e.g. the welcome credits. */
  GRANT,
  /** Credits bought. */
  TOPUP,
  /** Credits spent on a generation. */
  DEDUCT,
  /** Credits given back for a generation that failed or was canceled. */
  REFUND,
  /** A correction by an operator. */
  ADJUST;

  /** The lower-case name used in the database and the API. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TransactionType ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
