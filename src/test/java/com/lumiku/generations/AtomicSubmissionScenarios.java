package com.lumiku.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.LedgerRow;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The charge, the generation row and the queued message commit together or not at all: a failure
 * after all three were done, a balance that does not cover the cost, and invalid orders all leave
 * the balance, the ledger, the generations and the broker's queue exactly as they were.
 */
public interface AtomicSubmissionScenarios extends Scenarios {

  @Test
  default void failureAfterChargeAndSendLeavesNoTrace() throws InterruptedException {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    long queuedBefore = TestBroker.messagesAdded(AvatarCreator.QUEUE);

    api()
        .orderAvatar(member, projectId, "a knight " + FailAfterEnqueue.MARKER)
        .then()
        .statusCode(500)
        .contentType("application/problem+json")
        .body("status", equalTo(500));

    Thread.sleep(1500); // a message, had one escaped, would have been consumed by now
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(TestDatabase.ledger(member.id()))
        .extracting(LedgerRow::type)
        .containsExactly("grant");
    assertThat(TestDatabase.generations(member.id())).isEmpty();
    assertThat(TestDatabase.avatarsOfUser(member.id())).isZero();
    assertThat(TestBroker.messagesAdded(AvatarCreator.QUEUE)).isEqualTo(queuedBefore);

    UUID next = api().acceptedAvatar(member, projectId, "a knight");
    assertThat(api().awaitTerminal(member, next, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("completed");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
  }

  @Test
  default void insufficientCreditsChargeStoreAndQueueNothing() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    long queuedBefore = TestBroker.messagesAdded(AvatarCreator.QUEUE);
    for (int i = 0; i < 10; i++) {
      api().acceptedAvatar(member, projectId, "portrait number " + i);
    }
    assertThat(TestBroker.messagesAdded(AvatarCreator.QUEUE)).isEqualTo(queuedBefore + 10);

    api()
        .orderAvatar(member, projectId, "one too many")
        .then()
        .statusCode(402)
        .contentType("application/problem+json")
        .body("status", equalTo(402))
        .body("detail", containsString("needs 10 credits"))
        .body("detail", containsString("balance is 0"));

    assertThat(TestDatabase.balance(member.id())).isZero();
    assertThat(TestDatabase.ledger(member.id())).hasSize(11);
    assertThat(TestDatabase.ledger(member.id()).get(10).balanceAfter()).isZero();
    assertThat(TestDatabase.generations(member.id())).hasSize(10);
    assertThat(TestBroker.messagesAdded(AvatarCreator.QUEUE)).isEqualTo(queuedBefore + 10);
  }

  @Test
  default void invalidOrdersChargeStoreAndQueueNothing() {
    Api.Member member = api().register();
    Api.Member stranger = api().register();
    UUID projectId = api().createProject(member);
    UUID strangersProject = api().createProject(stranger);
    long queuedBefore = TestBroker.messagesAdded(AvatarCreator.QUEUE);

    api()
        .as(member)
        .body(Map.of("name", "", "width", 5000))
        .post("/api/apps/avatar-creator/projects/" + projectId + "/avatars/generate")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("prompt", "name", "width"));
    api()
        .as(member)
        .body("{\"prompt\": ")
        .post("/api/apps/avatar-creator/projects/" + projectId + "/avatars/generate")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    api()
        .orderAvatar(member, strangersProject, "someone else's project")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    api().orderAvatar(member, UUID.randomUUID(), "no such project").then().statusCode(404);
    api()
        .anonymous()
        .body(Map.of("prompt", "no token", "name", "x"))
        .post("/api/apps/avatar-creator/projects/" + projectId + "/avatars/generate")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");

    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(TestDatabase.ledger(member.id()))
        .extracting(LedgerRow::type)
        .containsExactly("grant");
    assertThat(TestDatabase.generations(member.id())).isEmpty();
    assertThat(TestBroker.messagesAdded(AvatarCreator.QUEUE)).isEqualTo(queuedBefore);
  }
}
