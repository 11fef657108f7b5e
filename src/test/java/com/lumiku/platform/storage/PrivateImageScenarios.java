package com.lumiku.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.lumiku.platform.security.SigningKey;
import com.lumiku.poses.PoseFixtures;
import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pictures are served only through short-lived signed URLs, handed out only to whoever may see
 * them: a signed URL works and may be cached privately until it expires; the same path unsigned,
 * with another picture's signature, altered or expired, is a 404 like a picture that does not
 * exist; another user never gets a URL; a deleted picture's URL stops working.
 *
 * <p>To craft URLs the server would never hand out (expired ones, for a name that does not exist),
 * the test signs them itself with the application's own {@link ImageUrls}, keyed with the
 * deployment's token signing key: the test process reads the same data folder as Payara ({@code
 * LUMIKU_DATA_DIR}, set by the build for both), as a second instance of the deployment would. A URL
 * signed that way that the server accepts proves the key is the same, so the refused ones are
 * refused for their expiry or name, not for a different key.
 */
public interface PrivateImageScenarios extends Scenarios {

  Duration WITHIN = Duration.ofSeconds(60);
  Pattern SIGNED =
      Pattern.compile("/api/images/([0-9a-f-]+(?:-thumb)?\\.png)\\?expires=(\\d+)&signature=(.+)");

  @Test
  default void aSignedUrlServesThePictureCachedPrivatelyUntilItExpires() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    JsonPath done = finishedAvatar(member, projectId, "a private portrait");
    UUID generation = UUID.fromString(done.getString("id"));
    String imageUrl = done.getString("result.imageUrl");
    Signed signed = Signed.parse(imageUrl);
    long now = Instant.now().getEpochSecond();
    assertThat(signed.expires())
        .as("an hour from now, rounded up to 5 minutes")
        .isBetween(now + 3600 - 60, now + 3600 + 300 + 60);

    Response picture = api().get(imageUrl);
    picture.then().statusCode(200).contentType("image/png");
    assertThat(maxAge(picture))
        .as("never beyond the expiry")
        .isPositive()
        .isLessThanOrEqualTo(signed.expires() - now + 1);
    api().get(done.getString("result.thumbnailUrl")).then().statusCode(200);

    JsonPath again = api().generation(member, generation);
    assertSameOrNextStep(again.getString("result.imageUrl"), imageUrl);
    assertSameOrNextStep(
        read(member, "/api/generations/" + generation + "/jobs").getString("[0].result.imageUrl"),
        imageUrl);
    assertSameOrNextStep(
        read(member, "/api/generations?limit=1").getString("items[0].result.imageUrl"), imageUrl);
    assertSameOrNextStep(
        read(member, "/api/apps/avatar-creator/projects/" + projectId)
            .getString("avatars[0].imageUrl"),
        imageUrl);
    assertThat(api().adminView(generation).getString("generation.result.imageUrl"))
        .as("operators' view")
        .matches(SIGNED);
  }

  @Test
  default void aPictureWithoutItsOwnValidSignatureIsNotFound() {
    Api.Member member = api().register();
    JsonPath done = finishedAvatar(member, api().createProject(member), "a portrait, signed");
    Signed image = Signed.parse(done.getString("result.imageUrl"));
    Signed thumbnail = Signed.parse(done.getString("result.thumbnailUrl"));
    String path = ImagesResource.url(image.name());
    api().get(image.url()).then().statusCode(200);

    List<String> refused =
        List.of(
            path,
            path + "?expires=" + image.expires(),
            path + "?signature=" + image.signature(),
            path + "?expires=" + thumbnail.expires() + "&signature=" + thumbnail.signature(),
            path + "?expires=" + (image.expires() + 300) + "&signature=" + image.signature(),
            path + "?expires=" + image.expires() + "&signature=" + image.signature() + "x",
            path + "?expires=" + image.expires() + "&signature=" + image.signature().substring(1),
            path + "?expires=soon&signature=" + image.signature(),
            path + "?expires=&signature=",
            signer().sign(UUID.randomUUID() + ".png", Instant.now().plusSeconds(600)));
    for (String url : refused) {
      api()
          .get(url)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", equalTo(404))
          .body("title", equalTo("Not Found"));
    }
  }

  @Test
  default void anExpiredUrlIsNotFound() {
    Api.Member member = api().register();
    JsonPath done = finishedAvatar(member, api().createProject(member), "soon expired");
    String name = Signed.parse(done.getString("result.imageUrl")).name();
    ImageUrls signer = signer();

    Response fresh = api().get(signer.sign(name, Instant.now().plusSeconds(120)));
    fresh.then().statusCode(200).contentType("image/png");
    assertThat(maxAge(fresh)).isBetween(60L, 120L);

    api().get(signer.sign(name, Instant.now().minusSeconds(1))).then().statusCode(404);
    api().get(signer.sign(name, Instant.now().minusSeconds(86_400))).then().statusCode(404);

    String shortLived = signer.sign(name, Instant.now().plusSeconds(3));
    api().get(shortLived).then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> api().get(shortLived).statusCode(), status -> status == 404);
  }

  @Test
  default void anotherUsersPicturesAreNeverHandedOut() {
    Api.Member owner = api().register();
    UUID avatarProject = api().createProject(owner);
    JsonPath avatar = finishedAvatar(owner, avatarProject, "someone's own face");
    UUID avatarGeneration = UUID.fromString(avatar.getString("id"));
    UUID avatarId = UUID.fromString(avatar.getString("result.avatarId"));
    UUID poseProject = PoseFixtures.project(api(), owner, avatarId);
    UUID batch = finishedBatch(owner, poseProject, 1);
    String poses = PoseFixtures.APP + "/projects/" + poseProject + "/poses";
    String pose = read(owner, poses).getString("items[0].id");

    Api.Member other = api().register();
    for (UUID generation : List.of(avatarGeneration, batch)) {
      api().as(other).get("/api/generations/" + generation).then().statusCode(404);
      api().as(other).get("/api/generations/" + generation + "/jobs").then().statusCode(404);
      api()
          .as(other)
          .accept("text/event-stream")
          .get("/api/generations/" + generation + "/events")
          .then()
          .statusCode(404);
    }
    api().as(other).get("/api/generations").then().statusCode(200).body("items", hasSize(0));
    api()
        .as(other)
        .get("/api/apps/avatar-creator/projects/" + avatarProject)
        .then()
        .statusCode(404);
    api()
        .as(other)
        .get("/api/apps/avatar-creator/projects")
        .then()
        .statusCode(200)
        .body("", hasSize(0));
    api().as(other).get(PoseFixtures.APP + "/projects/" + poseProject).then().statusCode(404);
    api().as(other).get(poses).then().statusCode(404);
    api().as(other).get(poses + "/" + pose).then().statusCode(404);
    api()
        .as(other)
        .get(PoseFixtures.APP + "/projects/" + poseProject + "/generations/" + batch)
        .then()
        .statusCode(404);
    String name = Signed.parse(avatar.getString("result.imageUrl")).name();
    api().as(other).accept("image/png").get(ImagesResource.url(name)).then().statusCode(404);
  }

  @Test
  default void aDeletedPicturesUrlStopsWorking() {
    Api.Member member = api().register();
    UUID project = PoseFixtures.project(api(), member, PoseFixtures.avatar(api(), member));
    finishedBatch(member, project, 2);
    String poses = PoseFixtures.APP + "/projects/" + project + "/poses";
    JsonPath listed = read(member, poses);
    String deleted = listed.getString("items[0].id");
    String imageUrl = listed.getString("items[0].imageUrl");
    String thumbnailUrl = listed.getString("items[0].thumbnailUrl");
    String keptUrl = listed.getString("items[1].imageUrl");
    api().get(imageUrl).then().statusCode(200);
    api().get(thumbnailUrl).then().statusCode(200);

    api().as(member).delete(poses + "/" + deleted).then().statusCode(204);

    api().get(imageUrl).then().statusCode(404);
    api().get(thumbnailUrl).then().statusCode(404);
    api().get(keptUrl).then().statusCode(200);

    String subjectUrl =
        read(member, PoseFixtures.APP + "/projects/" + project).getString("subject.imageUrl");
    api().get(subjectUrl).then().statusCode(200);
    UUID anotherAvatar = PoseFixtures.avatar(api(), member);
    String newSubjectUrl =
        api()
            .as(member)
            .body(Map.of("avatarId", anotherAvatar))
            .patch(PoseFixtures.APP + "/projects/" + project)
            .then()
            .statusCode(200)
            .body("subject.avatarId", equalTo(anotherAvatar.toString()))
            .extract()
            .path("subject.imageUrl");
    api().get(subjectUrl).then().statusCode(404);
    api().get(newSubjectUrl).then().statusCode(200);

    api().as(member).delete(PoseFixtures.APP + "/projects/" + project).then().statusCode(204);
    api().get(newSubjectUrl).then().statusCode(404);
    api().get(keptUrl).then().statusCode(404);
  }

  /**
   * The two URLs are the same, or (when the answers straddled the end of a 5-minute step) the first
   * expires one step later: answers within a step hand out the same URL.
   */
  private static void assertSameOrNextStep(String later, String earlier) {
    Signed a = Signed.parse(later);
    Signed b = Signed.parse(earlier);
    assertThat(a.name()).isEqualTo(b.name());
    if (a.expires() == b.expires()) {
      assertThat(later).isEqualTo(earlier);
    } else {
      assertThat(a.expires()).isEqualTo(b.expires() + ImageUrls.LONGEST_STEP.toSeconds());
    }
  }

  /** The response's {@code Cache-Control} max-age, which must be private (never public). */
  private static long maxAge(Response response) {
    String cacheControl = response.header("Cache-Control");
    assertThat(cacheControl).contains("private").doesNotContain("public");
    Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(cacheControl);
    assertThat(maxAge.find()).as(cacheControl).isTrue();
    return Long.parseLong(maxAge.group(1));
  }

  /** Signs as the deployment does, with its key (see the class comment). */
  private static ImageUrls signer() {
    return new ImageUrls(SigningKey.current().getPrivate(), Duration.ofHours(1), Clock.systemUTC());
  }

  /** Orders an avatar and waits for it to be drawn; the generation. */
  private JsonPath finishedAvatar(Api.Member member, UUID projectId, String prompt) {
    UUID generation = api().acceptedAvatar(member, projectId, prompt);
    JsonPath done = api().awaitTerminal(member, generation, WITHIN);
    assertThat(done.getString("status")).isEqualTo("completed");
    return done;
  }

  /** Orders a batch of that many library poses for the project and waits for it to end. */
  private UUID finishedBatch(Api.Member member, UUID project, int poses) {
    UUID batch =
        PoseFixtures.accepted(
            api(),
            member,
            project,
            Map.of("poseIds", PoseFixtures.libraryPoses(api(), member, "limit=" + poses)));
    assertThat(api().awaitTerminal(member, batch, WITHIN).getString("status"))
        .isEqualTo("completed");
    return batch;
  }

  /** What the member reads at the path, which must be theirs (200). */
  private JsonPath read(Api.Member member, String path) {
    return api().as(member).get(path).then().statusCode(200).extract().jsonPath();
  }

  /** A signed image URL taken apart. */
  record Signed(String url, String name, long expires, String signature) {

    static Signed parse(String url) {
      assertThat(url).as("a signed image URL").matches(SIGNED);
      Matcher parts = SIGNED.matcher(url);
      assertThat(parts.matches()).isTrue();
      return new Signed(url, parts.group(1), Long.parseLong(parts.group(2)), parts.group(3));
    }
  }
}
