package com.lumiku.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, before anything else uses it.
 *
 * <p>Runs Flyway (one transaction per migration, validated against what already ran) when the
 * application deploys, and refuses to deploy against a PostgreSQL whose {@code
 * max_prepared_transactions} is 0: the XA datasource could not prepare a single transaction there,
 * so every charge would fail at commit. A failure here fails the deployment, loudly.
 */
@Startup
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/lumiku")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "lumiku.startup.database-wait")
  Duration databaseWait;

  private Flyway flyway;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    awaitDatabase();
    requirePreparedTransactions();
    flyway =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    MigrateResult result = flyway.migrate();
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied now)",
        new Object[] {result.targetSchemaVersion, result.migrationsExecuted});
  }

  /** What readiness reports: the schema's version and whether migrations are pending. */
  public SchemaState state() {
    MigrationInfo current = flyway.info().current();
    int pending = flyway.info().pending().length;
    return new SchemaState(current == null ? null : current.getVersion().getVersion(), pending);
  }

  /** The schema's version ({@code null} before the first migration) and pending migrations. */
  public record SchemaState(String version, int pending) {}

  private void awaitDatabase() {
    long deadline = System.nanoTime() + databaseWait.toNanos();
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "PostgreSQL is unreachable after " + databaseWait + ": " + e.getMessage(), e);
        }
        LOG.log(Level.WARNING, "Waiting for PostgreSQL: {0}", e.getMessage());
        sleep(Duration.ofSeconds(2));
      }
    }
  }

  private void requirePreparedTransactions() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW max_prepared_transactions")) {
      rows.next();
      int max = Integer.parseInt(rows.getString(1));
      if (max <= 0) {
        throw new IllegalStateException(
            "PostgreSQL has max_prepared_transactions = "
                + max
                + ": XA transactions cannot commit. Set it above 0 (e.g. to max_connections)"
                + " in postgresql.conf and restart PostgreSQL, or let ./run start its own cluster.");
      }
      LOG.info(() -> "PostgreSQL allows " + max + " prepared transactions");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot read max_prepared_transactions: " + e.getMessage(), e);
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
    }
  }
}
