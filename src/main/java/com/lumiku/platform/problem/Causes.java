package com.lumiku.platform.problem;

/** A failure and its causes in one line, for operators: the log, an admin-only detail. */
public final class Causes {

  private static final int LONGEST = 4000;

  private Causes() {}

  /** Each exception of the chain, class and message, outermost first: "A: x <- B: y". */
  public static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < LONGEST; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getName()).append(": ").append(t.getMessage());
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }
}
