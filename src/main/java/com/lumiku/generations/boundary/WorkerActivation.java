package com.lumiku.generations.boundary;

import com.lumiku.platform.messaging.InstanceName;

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
 *
 * <p>Every worker of a queue also names {@link #CLIENT_ID} (a worker that does not leaves its
 * instance not ready: readiness counts the consumers carrying this instance's name).
 */
public final class WorkerActivation {

  /** The Artemis resource adapter, as post-boot-commands.asadmin deploys it. */
  public static final String RESOURCE_ADAPTER = "artemis-ra";

  public static final String QUEUE = "jakarta.jms.Queue";

  public static final String TOPIC = "jakarta.jms.Topic";

  /** The activation property that gives the broker the client id of a worker's sessions. */
  public static final String CLIENT_ID_PROPERTY = "clientId";

  /**
   * Every queue consumer's client id: this instance's name ({@link InstanceName}, the XA server
   * name). The broker keeps it in each session's metadata, which is how readiness counts this
   * instance's consumers and not the whole broker's ({@link WorkQueueReadiness}). It is set on the
   * activation and not as the adapter's {@code ClientID}: that one would also go to the outbound
   * pools' connections, where Artemis demands a client id be unique. The resource adapter adds it
   * as plain session metadata (measured on Artemis 2.53: no uniqueness check), so all of an
   * instance's sessions may carry the same name.
   */
  public static final String CLIENT_ID =
      "${MPCONFIG=" + InstanceName.SETTING + ":" + InstanceName.DEFAULT + "}";

  private WorkerActivation() {}
}
