package com.lumiku.platform.messaging;

/**
 * This instance's name: the XA server name Payara writes into every branch it prepares ({@code
 * LUMIKU_TX_SERVER_NAME}, server-config/pre-boot-commands.asadmin), which every instance must have
 * of its own anyway, kept across restarts. One setting names the instance everywhere: the
 * message-driven beans give it to the broker as their client id ({@code
 * WorkerActivation.CLIENT_ID}), so readiness can count this instance's consumers among all the
 * broker's, and broker XA branches carrying it are this instance's to end.
 *
 * <p>Read as the activations read it (system property or environment only, {@link
 * ActivationSettings}): the code that counts consumers must agree with the name the consumers gave.
 */
public final class InstanceName {

  /** The setting (environment: {@code LUMIKU_TX_SERVER_NAME}). */
  public static final String SETTING = "lumiku.tx.server-name";

  /**
   * The default, for a single instance; server-config/pre-boot-commands.asadmin gives Payara the
   * same (asadmin cannot read this constant).
   */
  public static final String DEFAULT = "lumiku";

  private InstanceName() {}

  /** This instance's name. */
  public static String current() {
    return ActivationSettings.value(SETTING, DEFAULT);
  }
}
