package com.lumiku.platform.health;

import com.lumiku.platform.messaging.InstanceName;
import com.lumiku.platform.metrics.CachedReading;
import com.lumiku.platform.metrics.PreparedBranches;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * This instance's XA branches prepared in PostgreSQL ({@code pg_prepared_xacts}): how many, and how
 * long the oldest has been prepared, by the database's own clock. Only this instance's count
 * ({@link PreparedTransactionIds}; a prepared transaction of unknown shape counts too): another
 * instance's branch is that instance's to end. Read by liveness ({@link
 * InDoubtTransactionLiveness}) at each probe, and by the gauges ({@link PreparedBranches}, tag
 * {@code resource="database"}) at most every {@link #GAUGE_MAX_AGE}.
 */
@ApplicationScoped
public class PreparedTransactions {

  /** How long the question may take before the answer is "unknown". */
  static final int QUERY_TIMEOUT_SECONDS = 2;

  /** How long a reading serves the gauges: shorter than any sensible scrape interval. */
  static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(5);

  private static final String PREPARED =
      "SELECT gid, extract(epoch FROM now() - prepared)"
          + " FROM pg_prepared_xacts WHERE database = current_database()";

  @Resource(lookup = "jdbc/lumiku")
  DataSource dataSource;

  @Inject MetricRegistry metrics;

  /** Registers the gauges while the application deploys. */
  void register(@Observes Startup startup) {
    CachedReading<PreparedBranches> reading =
        new CachedReading<>(
            "prepared transactions in the database",
            () -> {
              try {
                return read();
              } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
              }
            },
            GAUGE_MAX_AGE,
            System::nanoTime);
    PreparedBranches.register(metrics, "database", reading::get);
  }

  /** Asks the database now. */
  PreparedBranches read() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      // Liveness waits for this: a database that does not answer must not hold the probe.
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      return count(statement.executeQuery(PREPARED));
    }
  }

  private static PreparedBranches count(ResultSet found) throws SQLException {
    try (ResultSet branches = found) {
      String instance = InstanceName.current();
      long prepared = 0;
      long oldestSeconds = 0;
      while (branches.next()) {
        if (!PreparedTransactionIds.ofAnotherInstance(branches.getString(1), instance)) {
          prepared++;
          oldestSeconds = Math.max(oldestSeconds, (long) branches.getDouble(2));
        }
      }
      return new PreparedBranches(prepared, oldestSeconds);
    }
  }
}
