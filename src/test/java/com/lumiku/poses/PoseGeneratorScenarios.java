package com.lumiku.poses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Pose Generator as its users use it: a project posing one of their avatars (or an uploaded
 * picture), batches of library or described poses charged per pose, each pose a job of its own, the
 * drawn poses listed, favourited, downloaded and zipped; and what it refuses. Prices here are the
 * shipped ones: 5 credits a pose, 2 more for a new background.
 */
public interface PoseGeneratorScenarios extends Scenarios {

  String APP = PoseFixtures.APP;
  long POSE = 5;
  long BACKGROUND = 2;
  Duration WITHIN = PoseFixtures.WITHIN;

  @Test
  default void aBatchOfLibraryPosesDrawsTheAvatarInEachPose() throws IOException {
    Api.Member member = api().register();
    UUID avatarId = avatar(member);
    UUID project = project(member, avatarId);
    List<String> poseIds = libraryPoses(member, "category=yoga-fitness&limit=3");
    long before = TestDatabase.balance(member.id());
    long usedBefore = usageCount(poseIds.get(0));

    Response accepted =
        order(
            member,
            project,
            Map.of("poseIds", poseIds, "exportFormats", List.of("png", "webp"), "seed", 1234));

    accepted
        .then()
        .statusCode(202)
        .header("Location", startsWith(api().base() + "/api/generations/"))
        .body("creditUsed", equalTo((int) (3 * POSE)))
        .body("generation.app", equalTo("pose-generator"))
        .body("generation.jobsTotal", equalTo(3));
    UUID generation = UUID.fromString(accepted.path("generation.id"));
    JsonPath done = api().awaitTerminal(member, generation, WITHIN);
    assertThat(done.getString("status")).isEqualTo("completed");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(before - 3 * POSE);

    JsonPath poses = poses(member, project, "");
    assertThat(poses.getList("items.poseId")).containsExactlyInAnyOrderElementsOf(poseIds);
    assertThat(poses.getList("items.seed", Long.class))
        .containsExactlyInAnyOrder(1234L, 1235L, 1236L);
    assertThat(poses.getList("items.generationId")).containsOnly(generation.toString());
    Set<String> pictures = new HashSet<>();
    for (String url : poses.getList("items.imageUrl", String.class)) {
      byte[] png =
          api()
              .anonymous()
              .accept("image/png")
              .get(url)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(picture.getWidth()).isEqualTo(768);
      pictures.add(Arrays.toString(png));
    }
    assertThat(pictures).as("every pose looks different").hasSize(3);
    assertThat(usageCount(poseIds.get(0))).isEqualTo(usedBefore + 1);

    List<String> uses =
        api()
            .as(member)
            .get("/api/apps/avatar-creator/avatars/" + avatarId + "/usage")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("action");
    assertThat(uses).containsExactly("posed-in-batch", "posed-in-project");

    Map<String, Integer> zipped = zip(member, project, generation);
    assertThat(zipped).hasSize(6);
    assertThat(zipped.keySet().stream().filter(name -> name.endsWith(".webp"))).hasSize(3);
    String first = poses.getString("items[0].id");
    Response jpeg =
        api()
            .as(member)
            .accept("image/jpeg")
            .get(APP + "/projects/" + project + "/poses/" + first + "/download?format=jpeg");
    jpeg.then()
        .statusCode(200)
        .contentType("image/jpeg")
        .header("Content-Disposition", startsWith("attachment; filename=\"pose-"));
    byte[] jpegBytes = jpeg.asByteArray();
    assertThat(jpegBytes[0]).isEqualTo((byte) 0xFF);
    assertThat(jpegBytes[1]).isEqualTo((byte) 0xD8);
    LedgerInvariants.assertAddsUp(member.id(), WITHIN);
  }

  @Test
  default void oneRefusedPoseOfFiveEndsPartialWithItsShareRefundedOnce() {
    Api.Member member = api().register();
    UUID project = project(member, avatar(member));
    List<String> poseIds = new ArrayList<>(libraryPoses(member, "category=standing&limit=4"));
    UUID refused = RefusedPose.add(UUID.fromString(poseIds.get(0)));
    try {
      poseIds.add(2, refused.toString());
      UUID generation = accepted(member, project, Map.of("poseIds", poseIds));

      JsonPath done = api().awaitTerminal(member, generation, WITHIN);

      assertThat(done.getString("status")).isEqualTo("partial");
      assertThat(done.getInt("jobsCompleted")).isEqualTo(4);
      assertThat(done.getInt("jobsFailed")).isEqualTo(1);
      assertThat(done.getLong("creditRefunded")).isEqualTo(POSE);
      List<Map<String, Object>> jobs =
          api()
              .as(member)
              .get("/api/generations/" + generation + "/jobs")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("");
      assertThat(jobs.stream().filter(job -> "failed".equals(job.get("status"))))
          .singleElement()
          .satisfies(job -> assertThat(job.get("errorCode")).isEqualTo("refused"));
      assertThat(poses(member, project, "").getList("items")).hasSize(4);
      LedgerInvariants.assertAddsUp(member.id(), WITHIN);
      assertThat(TestDatabase.ledger(member.id()).stream().filter(e -> e.type().equals("refund")))
          .singleElement()
          .satisfies(refund -> assertThat(refund.amount()).isEqualTo(POSE));
    } finally {
      RefusedPose.remove(refused);
    }
  }

  @Test
  default void describedPosesWithANewBackgroundCostTheAddOnPerPose() {
    Api.Member member = api().register();
    UUID project = project(member, avatar(member));

    Response accepted =
        order(
            member,
            project,
            Map.of(
                "textPrompt",
                "balancing on one leg",
                "batchSize",
                2,
                "useBackgroundChanger",
                true,
                "backgroundPrompt",
                "a beach at sunset"));

    accepted.then().statusCode(202).body("creditUsed", equalTo((int) (2 * (POSE + BACKGROUND))));
    UUID generation = UUID.fromString(accepted.path("generation.id"));
    assertThat(api().awaitTerminal(member, generation, WITHIN).getString("status"))
        .isEqualTo("completed");
    JsonPath poses = poses(member, project, "");
    assertThat(poses.getList("items")).hasSize(2);
    assertThat(poses.getList("items.poseId")).doesNotContainNull();
    assertThat(poses.getList("items.prompt", String.class))
        .allSatisfy(
            prompt -> assertThat(prompt).contains("balancing on one leg", "a beach at sunset"));
    assertThat(poses.getList("items.backgroundPrompt")).containsOnly("a beach at sunset");
    LedgerInvariants.assertAddsUp(member.id(), WITHIN);
  }

  @Test
  default void badOrdersAreProblemsAndChangeNothing() {
    Api.Member member = api().register();
    UUID project = project(member, avatar(member));
    List<String> two = libraryPoses(member, "limit=2");
    List<String> many = libraryPoses(member, "limit=21");
    long balance = TestDatabase.balance(member.id());
    long generations = TestDatabase.generations(member.id()).size();
    List<Map<String, Object>> bad =
        List.of(
            Map.of(),
            Map.of("poseIds", two, "textPrompt", "both"),
            Map.of("poseIds", List.of()),
            Map.of("poseIds", many),
            Map.of("poseIds", List.of(two.get(0), two.get(0))),
            Map.of("poseIds", List.of(UUID.randomUUID().toString())),
            Map.of("poseIds", two, "exportFormats", List.of("gif")),
            Map.of("poseIds", two, "exportFormats", List.of()),
            Map.of("textPrompt", "x".repeat(501)),
            Map.of("textPrompt", "line\u0000break"),
            Map.of("textPrompt", "   "),
            Map.of("textPrompt", "jumping", "batchSize", 0),
            Map.of("textPrompt", "jumping", "batchSize", 21),
            Map.of("poseIds", two, "backgroundPrompt", "a forest"),
            Map.of("poseIds", two, "useBackgroundChanger", true),
            Map.of("poseIds", two, "seed", -1));
    for (Map<String, Object> body : bad) {
      order(member, project, body)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
    }
    UUID empty = project(member, null);
    order(member, empty, Map.of("poseIds", two))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(TestDatabase.balance(member.id())).isEqualTo(balance);
    assertThat(TestDatabase.generations(member.id())).hasSize((int) generations);
  }

  @Test
  default void othersProjectsAvatarsAndPosesAreNotFound() {
    Api.Member owner = api().register();
    UUID avatarId = avatar(owner);
    UUID project = project(owner, avatarId);
    UUID generation = accepted(owner, project, Map.of("poseIds", libraryPoses(owner, "limit=1")));
    api().awaitTerminal(owner, generation, WITHIN);
    String pose = poses(owner, project, "").getString("items[0].id");

    Api.Member other = api().register();
    long balance = TestDatabase.balance(other.id());
    String base = APP + "/projects/" + project;
    api().as(other).get(base).then().statusCode(404);
    api().as(other).body(Map.of("name", "mine now")).patch(base).then().statusCode(404);
    api().as(other).delete(base).then().statusCode(404);
    order(other, project, Map.of("poseIds", libraryPoses(other, "limit=1"))).then().statusCode(404);
    api().as(other).get(base + "/poses").then().statusCode(404);
    api().as(other).put(base + "/poses/" + pose + "/favorite").then().statusCode(404);
    api().as(other).delete(base + "/poses/" + pose).then().statusCode(404);
    api()
        .as(other)
        .accept("image/png")
        .get(base + "/poses/" + pose + "/download")
        .then()
        .statusCode(404);
    api().as(other).get(base + "/generations/" + generation).then().statusCode(404);
    api()
        .as(other)
        .body(Map.of("name", "borrowed", "avatarId", avatarId))
        .post(APP + "/projects")
        .then()
        .statusCode(404);
    api()
        .as(other)
        .get("/api/apps/avatar-creator/avatars/" + avatarId + "/usage")
        .then()
        .statusCode(404);
    UUID own = project(other, null);
    api()
        .as(other)
        .body(Map.of("avatarId", avatarId))
        .patch(APP + "/projects/" + own)
        .then()
        .statusCode(404);
    assertThat(TestDatabase.balance(other.id())).isEqualTo(balance);
    assertThat(TestDatabase.generations(other.id())).isEmpty();
  }

  @Test
  default void anUploadedPictureIsPosedAndBadUploadsAreRefused() throws IOException {
    Api.Member member = api().register();
    Response created =
        api()
            .as(member)
            .contentType("multipart/form-data")
            .multiPart("name", "Me on holiday")
            .multiPart("image", "me.png", png(320, 320, Color.ORANGE), "image/png")
            .post(APP + "/projects");
    created.then().statusCode(201).body("subject.source", equalTo("upload"));
    UUID project = UUID.fromString(created.path("id"));
    api()
        .anonymous()
        .accept("image/png")
        .get(created.<String>path("subject.imageUrl"))
        .then()
        .statusCode(200);

    for (byte[] bad :
        List.of(
            "GIF89a this is not a picture".getBytes(),
            "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(),
            png(16, 16, Color.BLUE),
            new byte[0])) {
      api()
          .as(member)
          .contentType("multipart/form-data")
          .multiPart("name", "Refused")
          .multiPart("image", "bad.png", bad, "image/png")
          .post(APP + "/projects")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(
            api()
                .as(member)
                .get(APP + "/projects")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items"))
        .hasSize(1);

    UUID generation = accepted(member, project, Map.of("poseIds", libraryPoses(member, "limit=1")));
    assertThat(api().awaitTerminal(member, generation, WITHIN).getString("status"))
        .isEqualTo("completed");
  }

  @Test
  default void favouritesAreListedCountedOnceAndDeletedPosesAreGone() {
    Api.Member member = api().register();
    UUID project = project(member, avatar(member));
    List<String> poseIds = libraryPoses(member, "category=dance&limit=2");
    UUID generation = accepted(member, project, Map.of("poseIds", poseIds));
    api().awaitTerminal(member, generation, WITHIN);
    JsonPath poses = poses(member, project, "");
    String favourite = poses.getString("items[0].id");
    String libraryPose = poses.getString("items[0].poseId");
    long favouritesBefore = favoriteCount(libraryPose);
    String base = APP + "/projects/" + project + "/poses/";

    api()
        .as(member)
        .put(base + favourite + "/favorite")
        .then()
        .statusCode(200)
        .body("favorite", equalTo(true));
    api().as(member).put(base + favourite + "/favorite").then().statusCode(200);

    assertThat(favoriteCount(libraryPose)).isEqualTo(favouritesBefore + 1);
    assertThat(poses(member, project, "favorites=true").getList("items.id"))
        .containsExactly(favourite);
    api()
        .as(member)
        .delete(base + favourite + "/favorite")
        .then()
        .statusCode(200)
        .body("favorite", equalTo(false));
    api().as(member).delete(base + favourite + "/favorite").then().statusCode(200);
    assertThat(favoriteCount(libraryPose)).isEqualTo(favouritesBefore);
    assertThat(poses(member, project, "favorites=true").getList("items")).isEmpty();

    String gone = poses.getString("items[1].id");
    String goneUrl = poses.getString("items[1].imageUrl");
    api().as(member).delete(base + gone).then().statusCode(204);
    api().as(member).get(base + gone).then().statusCode(404);
    api().anonymous().accept("image/png").get(goneUrl).then().statusCode(404);
    assertThat(poses(member, project, "").getList("items.id")).containsExactly(favourite);
  }

  @Test
  default void aProjectIsDeletedOnlyWhenNoBatchIsUnderWay() {
    Api.Member member = api().register();
    UUID project = project(member, avatar(member));
    UUID generation =
        accepted(
            member, project, Map.of("poseIds", libraryPoses(member, "category=sitting&limit=5")));
    String base = APP + "/projects/" + project;

    api().as(member).delete(base).then().statusCode(409).contentType("application/problem+json");

    api().awaitTerminal(member, generation, WITHIN);
    String picture = poses(member, project, "").getString("items[0].imageUrl");
    api().as(member).delete(base).then().statusCode(204);
    api().as(member).get(base).then().statusCode(404);
    api().anonymous().accept("image/png").get(picture).then().statusCode(404);
    assertThat(api().generation(member, generation).getString("status")).isEqualTo("completed");
    LedgerInvariants.assertAddsUp(member.id(), WITHIN);
  }

  @Test
  default void theSameOrderKeyChargesOnce() {
    Api.Member member = api().register();
    UUID project = project(member, avatar(member));
    Map<String, Object> body = Map.of("poseIds", libraryPoses(member, "limit=2"));
    String key = UUID.randomUUID().toString();
    long balance = TestDatabase.balance(member.id());

    String first =
        api()
            .as(member)
            .header("Idempotency-Key", key)
            .body(body)
            .post(APP + "/projects/" + project + "/generations")
            .then()
            .statusCode(202)
            .extract()
            .path("generation.id");
    String second =
        api()
            .as(member)
            .header("Idempotency-Key", key)
            .body(body)
            .post(APP + "/projects/" + project + "/generations")
            .then()
            .statusCode(202)
            .header("Idempotent-Replayed", "true")
            .extract()
            .path("generation.id");

    assertThat(second).isEqualTo(first);
    assertThat(TestDatabase.balance(member.id())).isEqualTo(balance - 2 * POSE);
  }

  @Test
  default void theAppIsListedWithItsPricesAndReportsItsHealth() {
    api()
        .as(api().register())
        .get("/api/apps")
        .then()
        .statusCode(200)
        .body("find { it.id == 'pose-generator' }.costs.pose", equalTo((int) POSE))
        .body("find { it.id == 'pose-generator' }.costs.background", equalTo((int) BACKGROUND));
    api()
        .anonymous()
        .get(APP + "/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.contains("queue", "library", "storage"))
        .body("checks.status", org.hamcrest.Matchers.everyItem(equalTo("UP")));
  }

  private UUID avatar(Api.Member member) {
    return PoseFixtures.avatar(api(), member);
  }

  private UUID project(Api.Member member, UUID avatarId) {
    return PoseFixtures.project(api(), member, avatarId);
  }

  private List<String> libraryPoses(Api.Member member, String query) {
    return PoseFixtures.libraryPoses(api(), member, query);
  }

  private Response order(Api.Member member, UUID project, Map<String, ?> body) {
    return PoseFixtures.order(api(), member, project, body);
  }

  private UUID accepted(Api.Member member, UUID project, Map<String, ?> body) {
    return PoseFixtures.accepted(api(), member, project, body);
  }

  private JsonPath poses(Api.Member member, UUID project, String query) {
    return api()
        .as(member)
        .get(APP + "/projects/" + project + "/poses?limit=100&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The ZIP of a batch: each entry's name and size. */
  private Map<String, Integer> zip(Api.Member member, UUID project, UUID generation)
      throws IOException {
    Response zip =
        api()
            .as(member)
            .accept("application/zip")
            .get(APP + "/projects/" + project + "/generations/" + generation + "/download");
    zip.then().statusCode(200).contentType("application/zip");
    Map<String, Integer> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes().length);
      }
    }
    assertThat(entries.values()).allSatisfy(size -> assertThat(size).isPositive());
    return entries;
  }

  private static long usageCount(String poseId) {
    return libraryCount("usage_count", poseId);
  }

  private static long favoriteCount(String poseId) {
    return libraryCount("favorite_count", poseId);
  }

  private static long libraryCount(String column, String poseId) {
    return TestDatabase.count(
        "SELECT " + column + " FROM pose_library WHERE id = ?", UUID.fromString(poseId));
  }

  private static byte[] png(int width, int height, Color color) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
