package com.lumiku.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.LedgerRow;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key with Stripe's semantics: a retried order gets the first answer and is charged
 * nothing more, even when the retries race; a key reused for another order is a 409; keys belong to
 * their user and are forgotten only after 24 hours.
 */
public interface IdempotencyScenarios extends Scenarios {

  @Test
  default void aRetryGetsTheFirstAnswerAndIsChargedNothingMore() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    long queuedBefore = TestBroker.messagesAdded(AvatarCreator.QUEUE);
    String key = UUID.randomUUID().toString();

    Response first = order(member, projectId, key, "a tired sailor");
    Response retry = order(member, projectId, key, "a tired sailor");

    first.then().statusCode(202);
    retry.then().statusCode(202).header("Idempotent-Replayed", "true");
    assertThat(retry.jsonPath().getString("generation.id"))
        .isEqualTo(first.jsonPath().getString("generation.id"));
    assertThat(retry.jsonPath().getLong("creditBalance")).isEqualTo(90);
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
    assertThat(TestDatabase.generations(member.id())).hasSize(1);
    assertThat(TestBroker.messagesAdded(AvatarCreator.QUEUE)).isEqualTo(queuedBefore + 1);
  }

  @Test
  default void theSameKeyForADifferentOrderIsAConflict() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    String key = UUID.randomUUID().toString();
    order(member, projectId, key, "a tired sailor").then().statusCode(202);

    order(member, projectId, key, "a cheerful sailor")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409));

    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
    assertThat(TestDatabase.generations(member.id())).hasSize(1);
  }

  @Test
  default void racingRetriesAreChargedOnce() throws Exception {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    String key = UUID.randomUUID().toString();
    ExecutorService clients = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    Set<String> generationIds = ConcurrentHashMap.newKeySet();
    List<Future<Integer>> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(
          clients.submit(
              () -> {
                start.await();
                Response answer = order(member, projectId, key, "the same order, twenty times");
                if (answer.statusCode() == 202) {
                  generationIds.add(answer.jsonPath().getString("generation.id"));
                }
                return answer.statusCode();
              }));
    }
    start.countDown();
    for (Future<Integer> status : statuses) {
      assertThat(status.get()).isEqualTo(202);
    }
    clients.shutdown();

    assertThat(generationIds).hasSize(1);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
    assertThat(TestDatabase.ledger(member.id()))
        .extracting(LedgerRow::type)
        .containsExactly("grant", "deduct");
  }

  @Test
  default void keysBelongToTheirUser() {
    Api.Member one = api().register();
    Api.Member other = api().register();
    String key = UUID.randomUUID().toString();
    String first = order(one, api().createProject(one), key, "a shared key").path("generation.id");
    String second =
        order(other, api().createProject(other), key, "a shared key").path("generation.id");
    assertThat(first).isNotEqualTo(second);
    assertThat(TestDatabase.balance(one.id())).isEqualTo(90);
    assertThat(TestDatabase.balance(other.id())).isEqualTo(90);
  }

  @Test
  default void aMalformedKeyIsABadRequest() {
    Api.Member member = api().register();
    order(member, api().createProject(member), "x".repeat(256), "too long a key")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
  }

  @Test
  default void keysAreKeptForADayThenForgotten() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    String key = UUID.randomUUID().toString();
    String first = order(member, projectId, key, "an old order").path("generation.id");
    String keyRow =
        "SELECT count(*) FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?";

    age(member, key, Duration.ofHours(23));
    // The purge runs every 2 s in the tests; a day-old-minus-an-hour key must survive several runs.
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(7))
        .until(() -> TestDatabase.count(keyRow, member.id(), key) == 1);
    order(member, projectId, key, "an old order")
        .then()
        .statusCode(202)
        .body("generation.id", equalTo(first));

    age(member, key, Duration.ofHours(25));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> TestDatabase.count(keyRow, member.id(), key) == 0);
    String again = order(member, projectId, key, "an old order").path("generation.id");
    assertThat(again).isNotEqualTo(first);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(80);
  }

  private void age(Api.Member member, String key, Duration age) {
    TestDatabase.update(
        "UPDATE idempotency_keys SET created_at = now() - ?::interval"
            + " WHERE user_id = ? AND idempotency_key = ?",
        age.toHours() + " hours",
        member.id(),
        key);
  }

  private Response order(Api.Member member, UUID projectId, String key, String prompt) {
    return api()
        .as(member)
        .header("Idempotency-Key", key)
        .body(Map.of("prompt", prompt, "name", "Sailor"))
        .post("/api/apps/avatar-creator/projects/" + projectId + "/avatars/generate");
  }
}
