package com.lumiku.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what the application stored, straight from the integration tests' PostgreSQL, so that tests
 * check balances, ledger entries and generation rows rather than only HTTP answers.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** A ledger entry as stored. */
  public record LedgerRow(
      String type, long amount, long balanceAfter, String referenceType, UUID referenceId) {}

  /** A generation row as stored. */
  public record GenerationRow(
      UUID id, String status, int attempts, long creditCost, String result, String app) {}

  /** Stops the tests' PostgreSQL (fast shutdown: open connections are cut). */
  public static void stopServer() {
    ProjectScripts.run("postgres", "stop", ProjectScripts.itDir("pg"));
  }

  public static void startServer() {
    ProjectScripts.run(
        "postgres", "start", ProjectScripts.itDir("pg"), System.getProperty("it.db.port", "55433"));
  }

  /** Cuts every connection to the application's database but this one (pg_terminate_backend). */
  public static int terminateApplicationConnections() {
    return query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()",
            rows -> rows.getBoolean(1))
        .size();
  }

  public static Connection connect() throws SQLException {
    String url =
        "jdbc:postgresql://127.0.0.1:" + System.getProperty("it.db.port", "55433") + "/lumiku";
    return DriverManager.getConnection(url, "postgres", System.getProperty("it.db.password"));
  }

  public static long balance(UUID userId) {
    return single("SELECT balance FROM credit_accounts WHERE user_id = ?", userId);
  }

  /** The user's ledger, oldest first. */
  public static List<LedgerRow> ledger(UUID userId) {
    return query(
        "SELECT type, amount, balance_after, reference_type, reference_id FROM credit_transactions"
            + " WHERE user_id = ? ORDER BY created_at, id",
        rows ->
            new LedgerRow(
                rows.getString(1),
                rows.getLong(2),
                rows.getLong(3),
                rows.getString(4),
                (UUID) rows.getObject(5)),
        userId);
  }

  /** The user's generations, oldest first. */
  public static List<GenerationRow> generations(UUID userId) {
    return query(
        "SELECT id, status, attempts, credit_cost, result, app FROM generations WHERE user_id = ?"
            + " ORDER BY created_at, id",
        rows ->
            new GenerationRow(
                (UUID) rows.getObject(1),
                rows.getString(2),
                rows.getInt(3),
                rows.getLong(4),
                rows.getString(5),
                rows.getString(6)),
        userId);
  }

  /** A job row as stored. */
  public record JobRow(
      UUID id, UUID generationId, String status, int attempts, long creditCost, boolean refunded) {}

  /** The jobs of the user's generations, by generation and position. */
  public static List<JobRow> jobs(UUID userId) {
    return query(
        "SELECT j.id, j.generation_id, j.status, j.attempts, j.credit_cost, j.refunded"
            + " FROM generation_jobs j JOIN generations g ON g.id = j.generation_id"
            + " WHERE g.user_id = ? ORDER BY g.created_at, g.id, j.position",
        rows ->
            new JobRow(
                (UUID) rows.getObject(1),
                (UUID) rows.getObject(2),
                rows.getString(3),
                rows.getInt(4),
                rows.getLong(5),
                rows.getBoolean(6)),
        userId);
  }

  public static long avatarsOfGeneration(UUID generationId) {
    return single("SELECT count(*) FROM avatars WHERE generation_id = ?", generationId);
  }

  public static long avatarsOfUser(UUID userId) {
    return single("SELECT count(*) FROM avatars WHERE user_id = ?", userId);
  }

  /** The picture and thumbnail files of the user's avatars. */
  public static List<String> avatarFiles(UUID userId) {
    return query(
        "SELECT unnest(ARRAY[image_path, thumbnail_path]) FROM avatars WHERE user_id = ?",
        rows -> rows.getString(1),
        userId);
  }

  /**
   * Every image file a row refers to (avatars, drawn poses, pose projects' subjects, pose requests'
   * references): a stored file outside this set is an orphan.
   */
  public static Set<String> referencedImageFiles() {
    return new HashSet<>(
        query(
            "SELECT unnest(ARRAY[image_path, thumbnail_path]) FROM avatars"
                + " UNION SELECT unnest(ARRAY[image_path, thumbnail_path]) FROM generated_poses"
                + " UNION SELECT unnest(ARRAY[subject_image, subject_thumbnail]) FROM pose_projects"
                + " UNION SELECT unnest(ARRAY[reference_image, reference_thumbnail])"
                + " FROM pose_requests",
            rows -> rows.getString(1)));
  }

  /** The ids (gid) of the XA branches prepared in PostgreSQL and not yet ended. */
  public static List<String> preparedTransactionIds() {
    return query(
        "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()",
        rows -> rows.getString(1));
  }

  /**
   * The XA branches prepared now that are still prepared {@code after} that: left in doubt, unlike
   * a commit between its two phases, which is prepared for milliseconds.
   */
  public static List<String> preparedFor(Duration after) throws InterruptedException {
    List<String> prepared = preparedTransactionIds();
    if (prepared.isEmpty()) {
      return prepared;
    }
    Thread.sleep(after.toMillis());
    List<String> still = preparedTransactionIds();
    return prepared.stream().filter(still::contains).toList();
  }

  /** XA branches prepared but never committed or rolled back: must be none once work is done. */
  public static long preparedTransactions() {
    return preparedTransactionIds().size();
  }

  /**
   * A digest of every table's content (rows as text, in order), by table: two equal snapshots mean
   * nothing was stored, changed or deleted in between.
   */
  public static java.util.Map<String, String> contentDigests() {
    java.util.Map<String, String> digests = new java.util.TreeMap<>();
    for (String table :
        query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history'",
            rows -> rows.getString(1))) {
      digests.put(
          table,
          query(
                  "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY"
                      + " t::text)), '') FROM \""
                      + table
                      + "\" t",
                  rows -> rows.getString(1))
              .get(0));
    }
    return digests;
  }

  /** A count from any query, e.g. to check a row exists. */
  public static long count(String sql, Object... parameters) {
    return single(sql, parameters);
  }

  /**
   * Changes stored data behind the application's back: for tests that age a row or corrupt a
   * balance on purpose, and put it right afterwards.
   */
  public static int update(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Update failed: " + sql, e);
    }
  }

  private interface RowMapper<T> {
    T map(ResultSet rows) throws SQLException;
  }

  private static long single(String sql, Object... parameters) {
    List<Long> values = query(sql, rows -> rows.getLong(1), parameters);
    if (values.size() != 1) {
      throw new AssertionError("Expected one row from " + sql + ", got " + values.size());
    }
    return values.get(0);
  }

  private static <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + sql, e);
    }
  }
}
