package com.lumiku.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ledger as users see it, what operators may do with credits, and the reconciliation that
 * proves balances and ledgers agree (here it also runs every 2 s on its container timer).
 */
public interface CreditsAdminScenarios extends Scenarios {

  @Test
  default void theLedgerListsEveryChangeNewestFirstInPages() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    UUID first = api().acceptedAvatar(member, projectId, "first");
    UUID second = api().acceptedAvatar(member, projectId, "second");

    JsonPath page1 =
        api()
            .as(member)
            .get("/api/credits/transactions?limit=2")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page1.getList("items.type")).containsExactly("deduct", "deduct");
    assertThat(page1.getList("items.referenceId"))
        .containsExactly(second.toString(), first.toString());
    assertThat(page1.getList("items.amount", Integer.class)).containsExactly(-10, -10);
    assertThat(page1.getList("items.balanceAfter", Integer.class)).containsExactly(80, 90);
    assertThat(page1.getString("items[0].referenceType")).isEqualTo("generation");
    assertThat(page1.getString("nextCursor")).isNotNull();

    api()
        .as(member)
        .get("/api/credits/transactions?limit=2&cursor=" + page1.getString("nextCursor"))
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].type", equalTo("grant"))
        .body("items[0].amount", equalTo(100))
        .body("items[0].description", equalTo("Welcome credits"))
        .body("nextCursor", nullValue());
    api().as(member).get("/api/credits").then().statusCode(200).body("balance", equalTo(80));
    api().as(member).get("/api/credits/transactions?limit=0").then().statusCode(400);
  }

  @Test
  default void operatorsGrantAndCorrectCreditsOthersMayNot() {
    Api.Member member = api().register();
    Api.Member admin = api().admin();

    api()
        .as(admin)
        .body(Map.of("amount", 250, "reason", "Goodwill for the outage"))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(201)
        .body("type", equalTo("grant"))
        .body("amount", equalTo(250))
        .body("balanceAfter", equalTo(350))
        .body("referenceType", equalTo("admin"))
        .body("referenceId", equalTo(admin.id().toString()))
        .body("description", equalTo("Goodwill for the outage"));
    api()
        .as(admin)
        .body(Map.of("amount", -50, "reason", "Duplicate grant"))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(201)
        .body("type", equalTo("adjust"))
        .body("balanceAfter", equalTo(300));
    api()
        .as(admin)
        .body(Map.of("amount", -301, "reason", "Too much"))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(300);

    api()
        .as(admin)
        .body(Map.of("amount", 10, "reason", "Nobody"))
        .post("/api/admin/users/" + UUID.randomUUID() + "/credits")
        .then()
        .statusCode(404);
    api()
        .as(admin)
        .body(Map.of("amount", 0, "reason", ""))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    api()
        .as(member)
        .body(Map.of("amount", 1000, "reason", "Myself"))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    api().as(member).get("/api/admin/credits/reconciliation").then().statusCode(403);
    api().anonymous().get("/api/admin/credits/reconciliation").then().statusCode(401);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(300);
  }

  @Test
  default void reconciliationReportsBalancesThatDisagreeWithTheirLedgerAndUnrefundedFailures() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    UUID generation = api().acceptedAvatar(member, api().createProject(member), "to be broken");
    api().awaitTerminal(member, generation, Duration.ofSeconds(60));
    assertThat(mismatchesOf(reconcile(admin), member)).isEmpty();
    long runsBefore = metric("credits_reconciliation_runs_total");

    TestDatabase.update(
        "UPDATE credit_accounts SET balance = balance + 7 WHERE user_id = ?", member.id());
    TestDatabase.update("UPDATE generation_jobs SET status = 'failed' WHERE id = ?", generation);
    try {
      JsonPath report = reconcile(admin);
      assertThat(report.getLong("accountsChecked")).isPositive();
      assertThat(mismatchesOf(report, member))
          .extracting(m -> m.get("kind"))
          .containsExactlyInAnyOrder("balance", "not-refunded");
      Map<String, Object> balance =
          mismatchesOf(report, member).stream()
              .filter(m -> m.get("kind").equals("balance"))
              .findFirst()
              .orElseThrow();
      assertThat(balance).containsEntry("balance", 97).containsEntry("ledgerSum", 90);
      assertThat(metric("credits_reconciliation_mismatches_total")).isPositive();
      // The container timer keeps running the check on its own.
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> metric("credits_reconciliation_runs_total") > runsBefore + 1);
    } finally {
      TestDatabase.update(
          "UPDATE credit_accounts SET balance = balance - 7 WHERE user_id = ?", member.id());
      TestDatabase.update(
          "UPDATE generation_jobs SET status = 'completed' WHERE id = ?", generation);
    }
    assertThat(mismatchesOf(reconcile(admin), member)).isEmpty();
  }

  private JsonPath reconcile(Api.Member admin) {
    return api()
        .as(admin)
        .get("/api/admin/credits/reconciliation")
        .then()
        .statusCode(200)
        .body("checkedAt", notNullValue())
        .extract()
        .jsonPath();
  }

  private static java.util.List<Map<String, Object>> mismatchesOf(
      JsonPath report, Api.Member member) {
    return report.<Map<String, Object>>getList("mismatches").stream()
        .filter(m -> member.id().toString().equals(m.get("userId")))
        .toList();
  }

  /** A counter from the application's Prometheus metrics, 0 if not there yet. */
  private long metric(String name) {
    String text =
        api().as(api().admin()).accept("text/plain").get("/metrics?scope=application").asString();
    return text.lines()
        .filter(line -> line.startsWith(name) && !line.startsWith("#"))
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .mapToLong(value -> (long) Double.parseDouble(value))
        .sum();
  }

  @Test
  default void operatorsFindAccountsByAPieceOfEmailOrNameInPages() {
    Api.Member one = api().register();
    Api.Member two = api().register();
    api().grant(two, 25);
    String shared = one.email().substring(5, 13); // a piece of the random part of the address

    JsonPath found =
        api()
            .as(api().admin())
            .get("/api/admin/users?q=" + shared.toUpperCase(java.util.Locale.ROOT))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(found.getList("items.id")).containsExactly(one.id().toString());
    assertThat(found.getInt("items[0].balance")).isEqualTo(100);

    JsonPath first =
        api()
            .as(api().admin())
            .get("/api/admin/users?q=example.com&limit=1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath next =
        api()
            .as(api().admin())
            .get("/api/admin/users?q=example.com&limit=1&cursor=" + first.getString("nextCursor"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(first.getList("items.id")).containsExactly(two.id().toString());
    assertThat(next.getList("items.id")).containsExactly(one.id().toString());

    api()
        .as(api().admin())
        .get("/api/admin/users/" + two.id())
        .then()
        .statusCode(200)
        .body("email", equalTo(two.email()))
        .body("balance", equalTo(125));
    api().as(api().admin()).get("/api/admin/users/" + UUID.randomUUID()).then().statusCode(404);
    api().as(api().admin()).get("/api/admin/users?q=%25").then().statusCode(200);
    api().as(one).get("/api/admin/users?q=x").then().statusCode(403);
    // The grants under admin/users/... still route beside the search.
    api()
        .as(api().admin())
        .body(Map.of("amount", 5, "reason", "routing check"))
        .post("/api/admin/users/" + one.id() + "/credits")
        .then()
        .statusCode(201);
  }
}
