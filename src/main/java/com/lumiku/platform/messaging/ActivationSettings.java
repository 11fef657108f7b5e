package com.lumiku.platform.messaging;

import java.util.Locale;
import java.util.Optional;

/**
 * Settings that message-driven beans name in their activation as {@code ${MPCONFIG=key:default}} (a
 * queue, a concurrency), read the way Payara resolves those placeholders: from system properties
 * and environment variables only. Measured: a value in the application's
 * microprofile-config.properties does not reach the activation, so code that must agree with the
 * consumers (what readiness expects, where orders are sent) reads these settings here, not through
 * MicroProfile Config. Set them as environment variables (or system properties): a value given to
 * Payara in another way (e.g. {@code asadmin set-config-property}) might reach the consumers and
 * not this class.
 */
public final class ActivationSettings {

  private ActivationSettings() {}

  /**
   * The setting's value: the system property {@code key}, else the environment variable {@code
   * key}, else the one MicroProfile Config would map it to ({@code lumiku.workers.avatar.queue}:
   * {@code LUMIKU_WORKERS_AVATAR_QUEUE}).
   */
  public static Optional<String> value(String key) {
    String value = System.getProperty(key);
    if (value == null) {
      value = System.getenv(key);
    }
    if (value == null) {
      value = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** The setting's value, or the default the activation names too. */
  public static String value(String key, String defaultValue) {
    return value(key).orElse(defaultValue);
  }
}
