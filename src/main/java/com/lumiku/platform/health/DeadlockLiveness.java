package com.lumiku.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless threads of this JVM are deadlocked, which only a restart cures. Dependencies being
 * down is a readiness matter, not a reason to restart the process.
 */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements HealthCheck {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  @Override
  public HealthCheckResponse call() {
    long[] deadlocked = threads.findDeadlockedThreads();
    return HealthCheckResponse.named("threads")
        .status(deadlocked == null)
        .withData("deadlocked", deadlocked == null ? 0 : deadlocked.length)
        .build();
  }
}
