package com.lumiku.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the truth about PostgreSQL and the schema: DOWN within 5 s of the database going
 * away (orders then get 503 and cost nothing), UP again when it returns; DOWN while the schema is
 * behind the migrations this build ships.
 */
public interface DatabaseReadinessScenarios extends Scenarios {

  @Test
  default void notReadyWhileTheDatabaseIsDownAndReadyAgainWhenItReturns() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    api().get("/health/ready").then().statusCode(200);

    TestDatabase.stopServer();
    try {
      JsonPath down = awaitNotReady();
      assertThat(down.getString("checks.find { it.name == 'database' }.status")).isEqualTo("DOWN");
      assertThat(down.getString("checks.find { it.name == 'broker' }.status")).isEqualTo("UP");
      api().get("/health/live").then().statusCode(200);
      assertThat(api().orderAvatar(member, projectId, "while the database is away").statusCode())
          .isEqualTo(503);
    } finally {
      TestDatabase.startServer();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api().get("/health/ready").statusCode() == 200);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(TestDatabase.generations(member.id())).isEmpty();
    UUID generation = api().acceptedAvatar(member, projectId, "after the database came back");
    assertThat(api().awaitTerminal(member, generation, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("completed");
  }

  @Test
  default void notReadyWhileTheSchemaIsBehind() throws Exception {
    List<Object> latest = latestMigration();
    TestDatabase.update(
        "DELETE FROM flyway_schema_history WHERE installed_rank = ?", latest.get(0));
    try {
      JsonPath down = awaitNotReady();
      assertThat(down.getString("checks.find { it.name == 'schema' }.status")).isEqualTo("DOWN");
      assertThat(down.getString("checks.find { it.name == 'schema' }.data.pendingMigrations"))
          .isEqualTo("1");
    } finally {
      restore(latest);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api().get("/health/ready").statusCode() == 200);
  }

  private JsonPath awaitNotReady() {
    return await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> api().get("/health/ready"), r -> r.statusCode() == 503)
        .jsonPath();
  }

  private static List<Object> latestMigration() throws Exception {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT * FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      ResultSetMetaData columns = rows.getMetaData();
      List<Object> values = new ArrayList<>();
      for (int i = 1; i <= columns.getColumnCount(); i++) {
        values.add(rows.getObject(i));
      }
      return values;
    }
  }

  private static void restore(List<Object> row) {
    String placeholders = String.join(", ", java.util.Collections.nCopies(row.size(), "?"));
    TestDatabase.update(
        "INSERT INTO flyway_schema_history VALUES (" + placeholders + ")", row.toArray());
  }
}
