package com.lumiku.generations.boundary;

/**
 * What every message-driven bean of Lumiku names in its activation, written once. The resource
 * adapter's set-up retries (for ever, every 2 s, so workers come back whenever the broker does) are
 * set once for all of them on the adapter itself ({@code SetupAttempts}, {@code SetupInterval} in
 * server-config/ra.xml).
 *
 * <p>A consumer names its destination and concurrency as {@code ${MPCONFIG=<setting>:<default>}},
 * the setting and default being the same constants the app registry reads; the default must be in
 * the annotation, because Payara resolves these placeholders from the environment and system
 * properties only, not from the application's microprofile-config.properties (measured: a value
 * there left the consumers at the annotation's default), which is also where the registry reads
 * them.
 */
public final class WorkerActivation {

  /** The Artemis resource adapter, as post-boot-commands.asadmin deploys it. */
  public static final String RESOURCE_ADAPTER = "artemis-ra";

  public static final String QUEUE = "jakarta.jms.Queue";

  public static final String TOPIC = "jakarta.jms.Topic";

  private WorkerActivation() {}
}
