package com.lumiku.platform.database;

import java.sql.SQLException;

/**
 * Tells a duplicate refused by a unique key (SQLSTATE 23505) from other database failures, so that
 * a feature can answer it as the conflict it is (an email in use, a slug taken) rather than as an
 * unexpected failure. The key decides, not a look-up before the write, so a concurrent duplicate is
 * caught too.
 */
public final class UniqueViolation {

  private static final String SQL_STATE = "23505";

  private UniqueViolation() {}

  /** Whether the failure, or one of its causes, is a unique key's refusal. */
  public static boolean isCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
