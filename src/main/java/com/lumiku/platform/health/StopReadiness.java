package com.lumiku.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN from the moment the instance is asked to stop ({@link StopGrace}): route no more to it. */
@Readiness
@ApplicationScoped
public class StopReadiness implements HealthCheck {

  @Inject StopGrace stop;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("stopping").status(!stop.stopping()).build();
  }
}
