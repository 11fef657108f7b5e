package com.lumiku.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.ScrapedMetrics;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An XA branch left prepared in PostgreSQL (its connection died between the two phases of a commit)
 * holds its locks until Payara's recovery at start ends it. Meanwhile orders touching the locked
 * balance get a 503 within the lock timeout instead of hanging, liveness goes DOWN once the branch
 * is older than the limit, so that an orchestrator restarts the instance, and the metrics the
 * in-doubt alert reads show the branch and its age.
 */
public interface InDoubtTransactionScenarios extends Scenarios {

  @Test
  default void aBranchLeftInDoubtFailsLivenessAndItsLockedBalanceAnswers503() throws Exception {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    api().get("/health/live").then().statusCode(200);
    String gid = "lumiku-test-" + UUID.randomUUID();

    try (Connection connection = TestDatabase.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("BEGIN");
      statement.execute(
          "UPDATE credit_accounts SET balance = balance WHERE user_id = '" + member.id() + "'");
      statement.execute("PREPARE TRANSACTION '" + gid + "'");
    }
    try {
      JsonPath down =
          await()
              .atMost(Duration.ofSeconds(15))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> api().get("/health/live"), r -> r.statusCode() == 503)
              .jsonPath();
      String check = "checks.find { it.name == 'in-doubt-transactions' }";
      assertThat(down.getString(check + ".status")).isEqualTo("DOWN");
      assertThat(down.getInt(check + ".data.prepared")).isEqualTo(1);
      // What the alert LumikuTransactionInDoubt reads (its gauges are read at most every 5 s).
      String database = "resource=\"database\"";
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                ScrapedMetrics metrics = ScrapedMetrics.scrape(api(), "application");
                assertThat(metrics.value("transactions_prepared", database)).isEqualTo(1);
                assertThat(metrics.value("transactions_prepared_oldest_seconds", database))
                    .isGreaterThan(2);
              });

      var refused = api().orderAvatar(member, projectId, "while my balance is locked");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    } finally {
      TestDatabase.update("ROLLBACK PREPARED '" + gid + "'");
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api().get("/health/live").statusCode() == 200);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(TestDatabase.generations(member.id())).isEmpty();
    UUID generation = api().acceptedAvatar(member, projectId, "once the branch is resolved");
    assertThat(api().awaitTerminal(member, generation, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("completed");
  }
}
