package com.lumiku.platform.health;

import com.lumiku.platform.database.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database schema has every migration this build ships. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject SchemaMigration migration;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("schema");
    try {
      SchemaMigration.SchemaState state = migration.state();
      return response
          .status(state.pending() == 0 && state.version() != null)
          .withData("version", String.valueOf(state.version()))
          .withData("pendingMigrations", state.pending())
          .build();
    } catch (Exception e) {
      return CheckFailure.down(response, e);
    }
  }
}
