package com.lumiku.platform.health;

import com.lumiku.platform.metrics.PreparedBranches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Not alive while an XA branch has stayed prepared in PostgreSQL longer than {@code
 * lumiku.transactions.in-doubt-limit}. That happens when the database connection dies between the
 * two phases of a commit: the transaction manager decided the outcome and logged it, but the
 * connection it would finish the branch on is gone, and Payara resolves such branches only by
 * recovery at start ({@code automatic-recovery}, transaction log on a persistent path). Until then
 * the branch holds its row locks (a user's balance), so a restart is the cure, and liveness is how
 * an orchestrator learns it is needed. A database that cannot be asked is a readiness matter: UP.
 *
 * <p>Only this instance's branches count ({@link PreparedTransactions}; a prepared transaction of
 * unknown shape counts too): with several instances, another one's branch waits for that instance's
 * restart, which restarting this one would not bring.
 */
@Liveness
@ApplicationScoped
public class InDoubtTransactionLiveness implements HealthCheck {

  @Inject PreparedTransactions preparedTransactions;

  private volatile Duration limit;

  /**
   * Reads the limit at deployment, on the deploying thread: Payara runs health checks on its own
   * threads, where the application's microprofile-config.properties is not seen (trap 14 of
   * PAYARA-ARTEMIS-NOTES). Until then the check is UP: an instance still starting is no reason to
   * restart it.
   */
  void createAtStartup(
      @Observes Startup startup,
      @ConfigProperty(name = "lumiku.transactions.in-doubt-limit") Duration configuredLimit) {
    limit = configuredLimit;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("in-doubt-transactions").up();
    Duration limit = this.limit;
    if (limit == null) {
      return response.withData("starting", true).build();
    }
    try {
      PreparedBranches prepared = preparedTransactions.read();
      response
          .withData("prepared", prepared.count())
          .withData("oldestSeconds", prepared.oldestSeconds())
          .withData("limitSeconds", limit.toSeconds());
      if (prepared.count() > 0 && prepared.oldestSeconds() > limit.toSeconds()) {
        response.down();
      }
    } catch (SQLException e) {
      response.withData("unknown", String.valueOf(e.getMessage()));
    }
    return response.build();
  }
}
