package com.lumiku.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.generations.control.DeadLetters;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.probe.ProbeApp;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the truth about the broker: DOWN (503) while it is stopped, so an orchestrator
 * stops routing orders here, and UP again once it is back and the workers have re-attached. While
 * it is down an order is refused with 503 and charges nothing.
 */
public interface ReadinessScenarios extends Scenarios {

  @Test
  default void probesAnswerInMicroProfileHealthFormat() {
    api()
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        // "application": the deployment gate (its own WAR, deployed first) saw this one deploy
        .body("checks.name", hasItems("application", "database", "schema", "broker", "work-queues"))
        .body(
            "checks.find { it.name == 'work-queues' }.data['"
                + AvatarCreator.QUEUE
                + ".consumers']",
            equalTo("4"));
    api().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    api()
        .get("/health/started")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("application", "deployment"));
  }

  @Test
  default void operatorsSeeQueuesAndWorkersAsTheBrokerAndTheDatabaseReportThem() {
    Api.Member member = api().register();
    UUID generation = api().acceptedAvatar(member, api().createProject(member), "for the figures");
    api().awaitTerminal(member, generation, Duration.ofSeconds(60));

    JsonPath queues = api().operatorView("/api/health/queues");
    // Every app's queue (the probe app's too: tests deploy it), then the dead-letter queue.
    assertThat(queues.getList("name"))
        .containsExactly(
            AvatarCreator.QUEUE, PoseGenerator.QUEUE, ProbeApp.QUEUE, DeadLetters.QUEUE_DEFAULT);
    assertThat(queues.getInt("find { it.name == '" + AvatarCreator.QUEUE + "' }.consumers"))
        .isEqualTo(4);
    assertThat(queues.getInt("find { it.name == '" + PoseGenerator.QUEUE + "' }.consumers"))
        .isEqualTo(4);
    assertThat(queues.getInt("find { it.name == '" + DeadLetters.QUEUE_DEFAULT + "' }.consumers"))
        .isEqualTo(1);
    assertThat(queues.getMap("[0]")).containsKeys("waiting", "active", "scheduled", "deadLettered");

    JsonPath workers = api().operatorView("/api/health/workers");
    assertThat(workers.getList("name")).containsExactly("avatar", "pose", "probe", "dead-letter");
    assertThat(workers.getInt("[0].consumers")).isEqualTo(4);
    assertThat(workers.getInt("[0].maxConcurrency")).isEqualTo(4);
    assertThat(workers.getLong("[0].processedLastHour")).isPositive();
    assertThat(workers.getString("[0].lastActivityAt")).isNotNull();
    api().anonymous().get("/api/health/queues").then().statusCode(401);
    api().as(member).get("/api/health/queues").then().statusCode(403);
    api().as(member).get("/api/health/workers").then().statusCode(403);
  }

  @Test
  default void notReadyWhileTheBrokerIsDownAndReadyAgainAfterItRestarts() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    api().get("/health/ready").then().statusCode(200);

    TestBroker.stop();
    try {
      JsonPath down =
          await()
              .atMost(Duration.ofSeconds(5))
              .pollInterval(Duration.ofMillis(250))
              .until(() -> api().get("/health/ready"), r -> r.statusCode() == 503)
              .jsonPath();
      assertThat(down.getString("status")).isEqualTo("DOWN");
      assertThat(down.getString("checks.find { it.name == 'broker' }.status")).isEqualTo("DOWN");
      assertThat(down.getString("checks.find { it.name == 'work-queues' }.status"))
          .isEqualTo("DOWN");
      assertThat(down.getString("checks.find { it.name == 'database' }.status")).isEqualTo("UP");
      // The probes are open to anyone: the kind of failure, not its text (hosts, ports, users).
      assertThat(down.getString("checks.find { it.name == 'broker' }.data.error"))
          .isNotBlank()
          .doesNotContain("127.0.0.1")
          .doesNotContain(" ");
      api().get("/health/live").then().statusCode(200);

      Response refused = api().orderAvatar(member, projectId, "while the broker is away");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
      assertThat(TestDatabase.generations(member.id())).isEmpty();
    } finally {
      TestBroker.start();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api().get("/health/ready").statusCode() == 200);
    assertThat(TestBroker.consumerCount(AvatarCreator.QUEUE)).isPositive();

    UUID generation = api().acceptedAvatar(member, projectId, "after the broker came back");
    assertThat(api().awaitTerminal(member, generation, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("completed");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
  }
}
