package com.lumiku.platform.health;

import com.lumiku.platform.database.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the application has deployed: the schema migration that runs at deployment has
 * finished (it fails the deployment otherwise) and the schema has the expected version.
 */
@Startup
@ApplicationScoped
public class StartupCompleted implements HealthCheck {

  @Inject SchemaMigration migration;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("deployment");
    try {
      SchemaMigration.SchemaState state = migration.state();
      return response
          .status(state.pending() == 0)
          .withData("schemaVersion", String.valueOf(state.version()))
          .build();
    } catch (Exception e) {
      return CheckFailure.down(response, e);
    }
  }
}
