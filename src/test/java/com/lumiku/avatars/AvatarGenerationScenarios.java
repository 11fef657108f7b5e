package com.lumiku.avatars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.LedgerRow;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * An avatar ordered over HTTP is charged, queued, drawn by the message-driven worker on the real
 * broker, stored, and shown as completed with a picture anyone holding its URL can fetch.
 */
public interface AvatarGenerationScenarios extends Scenarios {

  @Test
  default void orderedAvatarIsChargedDrawnAndStored() throws IOException {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);

    Response accepted = api().orderAvatar(member, projectId, "a friendly wizard with a blue hat");

    accepted
        .then()
        .statusCode(202)
        .header("Location", startsWith(api().base() + "/api/generations/"))
        .body("creditUsed", equalTo(10))
        .body("creditBalance", equalTo(90))
        .body("generation.status", equalTo("pending"))
        .body("generation.app", equalTo("avatar-creator"));
    UUID generationId = UUID.fromString(accepted.path("generation.id"));

    JsonPath done = api().awaitTerminal(member, generationId, Duration.ofSeconds(60));
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(done.getInt("progress")).isEqualTo(100);
    assertThat(done.getInt("attempts")).isEqualTo(1);
    assertThat(done.getString("startedAt")).isNotNull();
    assertThat(done.getString("completedAt")).isNotNull();

    BufferedImage image = download(done.getString("result.imageUrl"));
    assertThat(image.getWidth()).isEqualTo(512);
    assertThat(image.getHeight()).isEqualTo(512);
    BufferedImage thumbnail = download(done.getString("result.thumbnailUrl"));
    assertThat(thumbnail.getWidth()).isLessThanOrEqualTo(160);

    api()
        .as(member)
        .get("/api/apps/avatar-creator/projects/" + projectId)
        .then()
        .statusCode(200)
        .body("avatars", hasSize(1))
        .body("avatars[0].id", equalTo(done.getString("result.avatarId")))
        .body("avatars[0].generationId", equalTo(generationId.toString()))
        .body("avatars[0].prompt", equalTo("a friendly wizard with a blue hat"));

    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
    assertThat(TestDatabase.ledger(member.id()))
        .extracting(LedgerRow::type, LedgerRow::amount, LedgerRow::balanceAfter)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("grant", 100L, 100L),
            org.assertj.core.groups.Tuple.tuple("deduct", -10L, 90L));
    assertThat(TestDatabase.ledger(member.id()).get(1).referenceId()).isEqualTo(generationId);
    assertThat(TestDatabase.avatarsOfGeneration(generationId)).isEqualTo(1);
    api().as(member).get("/api/me").then().statusCode(200).body("credits", equalTo(90));

    Api.Member stranger = api().register();
    api().as(stranger).get("/api/generations/" + generationId).then().statusCode(404);
    api().as(stranger).get("/api/apps/avatar-creator/projects/" + projectId).then().statusCode(404);
    api().as(stranger).get("/api/generations").then().statusCode(200).body("items", hasSize(0));
  }

  @Test
  default void samePromptDrawsTheSamePictureAndListsNewestFirst() throws IOException {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    UUID first = api().acceptedAvatar(member, projectId, "a robot gardener");
    UUID second = api().acceptedAvatar(member, projectId, "A robot gardener ");

    JsonPath one = api().awaitTerminal(member, first, Duration.ofSeconds(60));
    JsonPath two = api().awaitTerminal(member, second, Duration.ofSeconds(60));

    assertThat(bytes(one.getString("result.imageUrl")))
        .isEqualTo(bytes(two.getString("result.imageUrl")));
    api()
        .as(member)
        .get("/api/generations?limit=1")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(second.toString()));
    String cursor = api().as(member).get("/api/generations?limit=1").path("nextCursor");
    api()
        .as(member)
        .get("/api/generations?limit=1&cursor=" + cursor)
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(first.toString()))
        .body("nextCursor", org.hamcrest.Matchers.nullValue());
  }

  @Test
  default void workersAreAttachedToTheQueueAndNothingIsLeftPrepared() {
    assertThat(TestBroker.consumerCount(AvatarCreator.QUEUE)).isPositive();
    Api.Member member = api().register();
    UUID generation =
        api().acceptedAvatar(member, api().createProject(member), "a lighthouse keeper");
    api().awaitTerminal(member, generation, Duration.ofSeconds(60));
    assertThat(TestDatabase.preparedTransactions()).isZero();
  }

  private BufferedImage download(String path) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes(path)));
    assertThat(image).as("PNG at " + path).isNotNull();
    return image;
  }

  private byte[] bytes(String path) {
    return api().get(path).then().statusCode(200).contentType("image/png").extract().asByteArray();
  }
}
