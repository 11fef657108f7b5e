package com.lumiku.avatars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.lumiku.imaging.ImageFormat;
import com.lumiku.imaging.TestPictures;
import com.lumiku.poses.ScriptedModel;
import com.lumiku.testing.Api;
import com.lumiku.testing.ImageFiles;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Race;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.GenerationRow;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Avatar Creator's uploads and the management of projects and avatars, on the real stack: uploads
 * race for a balance and never overdraw, bad uploads cost and store nothing, an upload is stored
 * re-encoded and upright, projects and avatars are renamed, paged, downloaded and deleted (a
 * project's unstarted work canceled and refunded once, its pictures gone), another user's are 404.
 */
public interface AvatarManagementScenarios extends Scenarios {

  String APP = "/api/apps/avatar-creator";
  int UPLOAD_PRICE = 3;
  Duration WITHIN = Duration.ofSeconds(60);

  @Test
  default void tenConcurrentUploadsOnABalanceForFourAcceptExactlyFour() throws Exception {
    Api.Member member = api().register();
    api().grant(member, 4 * UPLOAD_PRICE + 2 - 100L);
    UUID project = api().createProject(member);
    Set<String> filesBefore = ImageFiles.now();

    List<HttpRequest> uploads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      uploads.add(
          Race.multipart(
              api(),
              member,
              APP + "/projects/" + project + "/avatars/upload",
              Map.of("name", "Racer " + i),
              "image",
              "racer.png",
              png(200 + i, 200)));
    }
    Map<Integer, Integer> statuses = Race.run(uploads, 10);

    assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 4, 402, 6));
    assertThat(TestDatabase.balance(member.id())).isEqualTo(2);
    assertThat(TestDatabase.ledger(member.id()))
        .filteredOn(entry -> entry.type().equals("deduct"))
        .hasSize(4)
        .allSatisfy(entry -> assertThat(entry.amount()).isEqualTo(-UPLOAD_PRICE));
    LedgerInvariants.assertBalanceIsLedger(member.id());
    assertThat(TestDatabase.avatarsOfUser(member.id())).isEqualTo(4);
    assertThat(ImageFiles.addedSince(filesBefore))
        .containsAll(TestDatabase.avatarFiles(member.id()));
    assertThat(ImageFiles.orphansSince(filesBefore, Duration.ofSeconds(10))).isEmpty();
    assertThat(
            api()
                .as(member)
                .get(APP + "/projects/" + project + "/avatars")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.sourceType"))
        .containsOnly("uploaded");
  }

  @Test
  default void badUploadsAreProblemsThatChargeAndStoreNothing() throws IOException {
    Api.Member member = api().register();
    UUID project = api().createProject(member);
    byte[] jpeg =
        ImageFormat.JPEG.encode(TestPictures.quadrants(300, 200, BufferedImage.TYPE_INT_RGB));
    Map<String, byte[]> refused = new LinkedHashMap<>();
    refused.put(
        "a GIF",
        "GIF89a\u0001\u0000\u0001\u0000 not a picture".getBytes(StandardCharsets.ISO_8859_1));
    refused.put(
        "an SVG", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8));
    refused.put("an empty file", new byte[0]);
    refused.put("a truncated JPEG", Arrays.copyOf(jpeg, jpeg.length / 2));
    refused.put("a picture too small", png(16, 16));
    refused.put("a decompression bomb", TestPictures.pngDeclaring(60_000, 60_000));
    Set<String> filesBefore = ImageFiles.now();

    for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
      upload(member, project, Map.of("name", "Refused"), bad.getValue())
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("detail", notNullValue());
    }
    byte[] tooLarge = Arrays.copyOf(png(300, 300), 10 * 1024 * 1024 + 1);
    upload(member, project, Map.of("name", "Too large"), tooLarge)
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    api()
        .as(member)
        .contentType("multipart/form-data")
        .multiPart("name", "No picture")
        .post(APP + "/projects/" + project + "/avatars/upload")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    upload(member, project, Map.of("name", "Bad persona", "persona", "{\"age\": 7}"), png(200, 200))
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("persona.age"));
    upload(member, project, Map.of("name", "x".repeat(101)), png(200, 200)).then().statusCode(400);
    upload(
            member,
            project,
            Map.of("name", "Bad gender", "attributes", "{\"gender\": \"robot\"}"),
            png(200, 200))
        .then()
        .statusCode(400);
    upload(member, project, Map.of("name", "Not JSON", "persona", "not json"), png(200, 200))
        .then()
        .statusCode(400);
    upload(api().register(), project, Map.of("name", "Somebody else's project"), png(200, 200))
        .then()
        .statusCode(404);

    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(TestDatabase.ledger(member.id())).hasSize(1);
    assertThat(TestDatabase.avatarsOfUser(member.id())).isZero();
    assertThat(ImageFiles.orphansSince(filesBefore, Duration.ofSeconds(10))).isEmpty();
  }

  @Test
  default void anUploadIsStoredUprightWithoutItsMetadataAndChargedOnce() throws IOException {
    Api.Member member = api().register();
    UUID project = api().createProject(member);
    // 200 x 120 as stored, turned a quarter by its EXIF orientation (6): 120 x 200 upright.
    byte[] photo =
        TestPictures.withExif(
            ImageFormat.JPEG.encode(TestPictures.quadrants(200, 120, BufferedImage.TYPE_INT_RGB)),
            6);
    byte[] withTrailer = concat(photo, "trailing secret bytes".getBytes(StandardCharsets.UTF_8));
    Map<String, String> fields =
        Map.of(
            "name", "Holiday me",
            "persona", "{\"name\": \"Sari\", \"age\": 29, \"personalityTraits\": [\"curious\"]}",
            "attributes", "{\"gender\": \"female\"}");

    Response first =
        api()
            .as(member)
            .header("Idempotency-Key", "upload-" + UUID.randomUUID())
            .contentType("multipart/form-data")
            .multiPart("image", "photo.jpg", withTrailer, "image/jpeg")
            .multiPart("name", fields.get("name"))
            .multiPart("persona", fields.get("persona"))
            .multiPart("attributes", fields.get("attributes"))
            .post(APP + "/projects/" + project + "/avatars/upload");
    first
        .then()
        .statusCode(201)
        .body("creditUsed", equalTo(UPLOAD_PRICE))
        .body("creditBalance", equalTo(100 - UPLOAD_PRICE))
        .body("avatar.name", equalTo("Holiday me"))
        .body("avatar.sourceType", equalTo("uploaded"))
        .body("avatar.persona.name", equalTo("Sari"))
        .body("avatar.attributes.gender", equalTo("female"))
        .body("avatar.generationId", nullValue())
        .body("avatar.width", equalTo(120))
        .body("avatar.height", equalTo(200))
        .body("avatar.usageCount", equalTo(0));
    assertThat(first.getHeader("Location")).contains("/projects/" + project + "/avatars/");

    byte[] stored =
        api()
            .anonymous()
            .get(first.<String>path("avatar.imageUrl"))
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .asByteArray();
    BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(upright.getWidth()).isEqualTo(120);
    assertThat(upright.getHeight()).isEqualTo(200);
    String raw = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("Exif", "GPSTEST", "trailing secret");
    BufferedImage thumbnail =
        ImageIO.read(
            new ByteArrayInputStream(
                api()
                    .anonymous()
                    .get(first.<String>path("avatar.thumbnailUrl"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray()));
    assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isLessThanOrEqualTo(160);

    // The same upload again with the same key: the first answer, charged once.
    String sameKey = "again-" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      String url =
          api()
              .as(member)
              .header("Idempotency-Key", sameKey)
              .contentType("multipart/form-data")
              .multiPart("image", "photo.jpg", withTrailer, "image/jpeg")
              .multiPart("name", "Twice")
              .post(APP + "/projects/" + project + "/avatars/upload")
              .then()
              .statusCode(201)
              .extract()
              .path("avatar.imageUrl");
      // The replay's URL is signed as it leaves, like the first answer's.
      api().anonymous().get(url).then().statusCode(200);
    }
    assertThat(TestDatabase.avatarsOfUser(member.id())).isEqualTo(2);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 2 * UPLOAD_PRICE);
    LedgerInvariants.assertBalanceIsLedger(member.id());
  }

  @Test
  default void projectsAndAvatarsAreRenamedPagedDownloadedAndDeleted() throws IOException {
    Api.Member member = api().register();
    UUID project = api().createProject(member);
    List<String> avatars = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      avatars.add(
          upload(member, project, Map.of("name", "Avatar " + i), png(200, 200 + i))
              .then()
              .statusCode(201)
              .extract()
              .path("avatar.id"));
    }

    api()
        .as(member)
        .body(Map.of("name", "Renamed project", "description", "For the shop"))
        .patch(APP + "/projects/" + project)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed project"))
        .body("description", equalTo("For the shop"))
        .body("avatars", hasSize(3));
    for (String bad : List.of(" ", "null\u0000byte", "two\nlines")) {
      api()
          .as(member)
          .body(Map.of("name", bad))
          .patch(APP + "/projects/" + project)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }

    JsonPath firstPage =
        api()
            .as(member)
            .get(APP + "/projects/" + project + "/avatars?limit=2")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(firstPage.getList("items.id")).containsExactly(avatars.get(2), avatars.get(1));
    JsonPath secondPage =
        api()
            .as(member)
            .get(
                APP
                    + "/projects/"
                    + project
                    + "/avatars?limit=2&cursor="
                    + firstPage.getString("nextCursor"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(secondPage.getList("items.id")).containsExactly(avatars.get(0));
    assertThat(secondPage.getString("nextCursor")).isNull();

    String avatar = APP + "/projects/" + project + "/avatars/" + avatars.get(0);
    api()
        .as(member)
        .body(Map.of("name", "Best one"))
        .patch(avatar)
        .then()
        .statusCode(200)
        .body("name", equalTo("Best one"));
    api().as(member).get(avatar).then().statusCode(200).body("name", equalTo("Best one"));
    api()
        .as(member)
        .body(Map.of("name", "bad\u0007bell"))
        .patch(avatar)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    byte[] jpeg =
        api()
            .as(member)
            .accept("image/jpeg")
            .get(avatar + "/download?format=jpeg")
            .then()
            .statusCode(200)
            .contentType("image/jpeg")
            .header("Content-Disposition", containsString("attachment; filename=\"avatar-"))
            .extract()
            .asByteArray();
    assertThat(ImageFormat.detect(jpeg)).contains(ImageFormat.JPEG);
    api().as(member).get(avatar + "/download?format=gif").then().statusCode(400);

    // Another user sees none of it.
    Api.Member stranger = api().register();
    api().as(stranger).get(APP + "/projects/" + project).then().statusCode(404);
    api().as(stranger).get(APP + "/projects/" + project + "/avatars").then().statusCode(404);
    api().as(stranger).get(avatar).then().statusCode(404);
    api().as(stranger).body(Map.of("name", "Mine")).patch(avatar).then().statusCode(404);
    api().as(stranger).get(avatar + "/download").then().statusCode(404);
    api().as(stranger).get(APP + "/avatars/" + avatars.get(0) + "/usage").then().statusCode(404);
    api().as(stranger).delete(avatar).then().statusCode(404);
    api()
        .as(stranger)
        .body(Map.of("name", "Mine"))
        .patch(APP + "/projects/" + project)
        .then()
        .statusCode(404);
    api().as(stranger).delete(APP + "/projects/" + project).then().statusCode(404);

    // Deleting an avatar: its pictures go, and so do its URLs.
    String imageUrl = api().as(member).get(avatar).then().extract().path("imageUrl");
    api().anonymous().get(imageUrl).then().statusCode(200);
    api().as(member).delete(avatar).then().statusCode(204);
    api().as(member).get(avatar).then().statusCode(404);
    api().anonymous().get(imageUrl).then().statusCode(404);
    assertThat(TestDatabase.avatarsOfUser(member.id())).isEqualTo(2);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(100 - 3 * UPLOAD_PRICE);
  }

  @Test
  default void anAvatarsUsesAreCountedWhereItIsPosed() throws IOException {
    Api.Member member = api().register();
    UUID project = api().createProject(member);
    String avatar =
        upload(member, project, Map.of("name", "Model"), png(300, 300))
            .then()
            .statusCode(201)
            .extract()
            .path("avatar.id");
    for (int i = 0; i < 2; i++) {
      api()
          .as(member)
          .body(Map.of("name", "Posing " + i, "avatarId", avatar))
          .post("/api/apps/pose-generator/projects")
          .then()
          .statusCode(201);
    }
    api()
        .as(member)
        .get(APP + "/projects/" + project + "/avatars/" + avatar)
        .then()
        .statusCode(200)
        .body("usageCount", equalTo(2))
        .body("lastUsedAt", notNullValue());
    api()
        .as(member)
        .get(APP + "/avatars/" + avatar + "/usage")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("[0].app", equalTo("pose-generator"));
  }

  @Test
  default void deletingAProjectCancelsItsUnstartedWorkOnceAndRemovesItsPictures()
      throws IOException {
    Api.Member member = api().register();
    api().grant(member, 100);
    UUID project = api().createProject(member);
    String uploadedUrl =
        upload(member, project, Map.of("name", "Kept a moment"), png(200, 200))
            .then()
            .statusCode(201)
            .extract()
            .path("avatar.imageUrl");
    UUID drawn = api().acceptedAvatar(member, project, "drawn before the deletion");
    JsonPath done = api().awaitTerminal(member, drawn, WITHIN);
    assertThat(done.getString("status")).isEqualTo("completed");
    String drawnUrl = done.getString("result.imageUrl");

    // Four slow orders keep the four avatar workers busy; two more wait behind them.
    List<UUID> busy = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      busy.add(api().acceptedAvatar(member, project, ScriptedModel.SLOW + " busy " + i));
    }
    await()
        .atMost(WITHIN)
        .until(
            () ->
                busy.stream()
                    .allMatch(
                        id ->
                            api().generation(member, id).getString("status").equals("processing")));
    List<UUID> waiting =
        List.of(
            api().acceptedAvatar(member, project, "waits one"),
            api().acceptedAvatar(member, project, "waits two"));
    for (UUID id : waiting) {
      assertThat(api().generation(member, id).getString("status")).isEqualTo("pending");
    }

    api().as(member).delete(APP + "/projects/" + project).then().statusCode(204);

    for (UUID id : waiting) {
      JsonPath canceled = api().generation(member, id);
      assertThat(canceled.getString("status")).isEqualTo("canceled");
      assertThat(canceled.getBoolean("refunded")).isTrue();
    }
    for (UUID id : busy) {
      JsonPath failed = api().awaitTerminal(member, id, WITHIN);
      assertThat(failed.getString("status")).isEqualTo("failed");
      assertThat(failed.getString("errorCode")).isEqualTo("project-deleted");
    }
    // Once nothing moves any more: each of them refunded exactly once.
    for (UUID id : busy) {
      LedgerInvariants.assertRefundedOnce(member.id(), id, 10);
    }
    for (UUID id : waiting) {
      LedgerInvariants.assertRefundedOnce(member.id(), id, 10);
    }
    api().as(member).get(APP + "/projects/" + project).then().statusCode(404);
    api().as(member).get("/api/generations/" + drawn).then().statusCode(200);
    assertThat(TestDatabase.avatarsOfUser(member.id())).isZero();
    api().anonymous().get(uploadedUrl).then().statusCode(404);
    api().anonymous().get(drawnUrl).then().statusCode(404);
    List<GenerationRow> generations = LedgerInvariants.assertAddsUp(member.id(), WITHIN);
    assertThat(generations).hasSize(7);
    // Paid for: the upload and the avatar drawn before the deletion; everything else refunded.
    assertThat(TestDatabase.balance(member.id())).isEqualTo(200 - UPLOAD_PRICE - 10);
  }

  private Response upload(
      Api.Member member, UUID project, Map<String, String> fields, byte[] image) {
    var request =
        api()
            .as(member)
            .contentType("multipart/form-data")
            .multiPart("image", "picture.png", image, "image/png");
    fields.forEach(request::multiPart);
    return request.post(APP + "/projects/" + project + "/avatars/upload");
  }

  private static byte[] png(int width, int height) {
    return ImageFormat.PNG.encode(
        TestPictures.quadrants(width, height, BufferedImage.TYPE_INT_RGB));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
