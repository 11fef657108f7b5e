package com.lumiku.platform.health;

import com.lumiku.platform.health.gate.DeploymentGate;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * Opens the {@link DeploymentGate} once this application has started (the last of the start-up
 * observers: the schema is migrated, the work queues are known, every health check of this WAR is
 * registered) and closes it when the application goes away, so that readiness and startup never
 * answer UP for an instance without the application.
 */
@ApplicationScoped
public class ApplicationDeployed {

  private static final Logger LOG = Logger.getLogger(ApplicationDeployed.class.getName());

  void open(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) Startup startup) {
    DeploymentGate.open();
    LOG.info("Lumiku deployed: the deployment gate is open (its own health checks decide now)");
  }

  @PreDestroy
  void close() {
    DeploymentGate.close();
  }
}
