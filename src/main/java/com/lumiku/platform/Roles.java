package com.lumiku.platform;

/** The roles a token can carry in its {@code groups} claim. */
public final class Roles {

  /** Everyone who has an account. */
  public static final String USER = "user";

  /** Operators: may grant credits and read reconciliation reports. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
