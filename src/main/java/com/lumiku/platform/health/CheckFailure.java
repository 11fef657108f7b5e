package com.lumiku.platform.health;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A health check that failed with an exception: DOWN, with only the kind of failure in the answer,
 * and the details in the server's log. The probes are open to anyone (an orchestrator calls them
 * without a token), and an exception's text names hosts, ports, users and SQL: the broker's pair of
 * addresses, for one.
 */
public final class CheckFailure {

  private static final Logger LOG = Logger.getLogger(CheckFailure.class.getName());

  private CheckFailure() {}

  /** DOWN with {@code error} = the exception's simple class name; the message goes to the log. */
  public static HealthCheckResponse down(HealthCheckResponseBuilder response, Exception e) {
    HealthCheckResponse down =
        response.down().withData("error", e.getClass().getSimpleName()).build();
    LOG.log(
        Level.WARNING,
        "Health check {0} is DOWN: {1}",
        new Object[] {down.getName(), e.toString()});
    return down;
  }
}
