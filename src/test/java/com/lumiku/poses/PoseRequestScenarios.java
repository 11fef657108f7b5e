package com.lumiku.poses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.lumiku.testing.Api;
import com.lumiku.testing.Race;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Pose requests as users and operators use them: users ask for poses and vote (once each, however
 * often and however concurrently they click), operators decide along the request's life and keep
 * notes users never see; and operators' editing of the library (categories and poses added and
 * retired). What a test adds to the library it retires before it ends, so the starter library that
 * {@link PoseLibraryScenarios} counts stays as it is.
 */
public interface PoseRequestScenarios extends Scenarios {

  String REQUESTS = "/api/apps/pose-generator/requests";
  String ADMIN = "/api/admin/pose-generator";
  String LIBRARY = "/api/apps/pose-generator/library";

  @Test
  default void requestsAreListedByVotesThenNewestInPages() {
    Api.Member asker = api().register();
    String first = request(asker, "Handstand " + UUID.randomUUID());
    String second = request(asker, "Cartwheel " + UUID.randomUUID());
    String third = request(asker, "Backflip " + UUID.randomUUID());
    for (int i = 0; i < 2; i++) {
      vote(api().register(), first).then().statusCode(200);
    }
    vote(api().register(), third).then().statusCode(200);

    List<Map<String, Object>> byVotes = all(asker, "sort=votes");
    assertThat(ids(byVotes)).containsSubsequence(first, third, second);
    assertThat(byVotes)
        .isSortedAccordingTo(
            Comparator.<Map<String, Object>>comparingLong(r -> -number(r, "voteCount"))
                .thenComparing(PoseRequestScenarios::time, Comparator.reverseOrder()));
    assertThat(ids(all(asker, ""))).as("votes is the default order").isEqualTo(ids(byVotes));
    List<Map<String, Object>> newest = all(asker, "sort=newest");
    assertThat(ids(newest)).containsSubsequence(third, second, first);
    assertThat(newest.stream().map(PoseRequestScenarios::time).toList())
        .isSortedAccordingTo(Comparator.reverseOrder());

    Map<String, Object> mine = find(byVotes, first);
    assertThat(mine.get("voteCount")).isEqualTo(2);
    assertThat(mine.get("mine")).isEqualTo(true);
    assertThat(mine.get("votedByMe")).isEqualTo(false);
    assertThat(mine.get("status")).isEqualTo("pending");
    assertThat(mine).doesNotContainKey("adminNotes");
    assertThat(ids(all(asker, "status=pending"))).contains(first, second, third);
    assertThat(ids(all(asker, "status=rejected"))).doesNotContain(first, second, third);
  }

  @Test
  default void votingTwiceIsOneVoteAndWithdrawingTwiceIsNone() {
    Api.Member asker = api().register();
    Api.Member voter = api().register();
    String id = request(asker, "Lotus on a chair");

    vote(voter, id).then().statusCode(200).body("voteCount", equalTo(1));
    vote(voter, id)
        .then()
        .statusCode(200)
        .body("voteCount", equalTo(1))
        .body("votedByMe", equalTo(true))
        .body("mine", equalTo(false));
    assertThat(votes(id)).isEqualTo(1);
    api()
        .as(asker)
        .get(REQUESTS + "/" + id)
        .then()
        .statusCode(200)
        .body("voteCount", equalTo(1))
        .body("votedByMe", equalTo(false))
        .body("mine", equalTo(true));

    withdraw(voter, id).then().statusCode(200).body("voteCount", equalTo(0));
    withdraw(voter, id)
        .then()
        .statusCode(200)
        .body("voteCount", equalTo(0))
        .body("votedByMe", equalTo(false));
    assertThat(votes(id)).isZero();
    assertThat(voteCount(id)).isZero();

    String unknown = UUID.randomUUID().toString();
    vote(voter, unknown).then().statusCode(404).contentType("application/problem+json");
    withdraw(voter, unknown).then().statusCode(404);
    api().as(voter).get(REQUESTS + "/" + unknown).then().statusCode(404);
    api().as(voter).get(REQUESTS + "/not-a-uuid").then().statusCode(404);
    api().anonymous().put(REQUESTS + "/" + id + "/vote").then().statusCode(401);
  }

  @Test
  default void concurrentVotesCountOncePerUser() throws Exception {
    String id = request(api().register(), "Human flag");
    List<Api.Member> voters = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      voters.add(api().register());
    }
    List<HttpRequest> burst = new ArrayList<>();
    for (Api.Member voter : voters) {
      burst.addAll(Collections.nCopies(5, Race.request(api(), voter, "PUT", votePath(id))));
    }
    Collections.shuffle(burst);

    assertThat(Race.run(burst, 50)).isEqualTo(Map.of(200, 100));
    assertThat(voteCount(id)).isEqualTo(20);
    assertThat(votes(id)).isEqualTo(20);

    Api.Member eager = api().register();
    assertThat(
            Race.run(Collections.nCopies(10, Race.request(api(), eager, "PUT", votePath(id))), 10))
        .isEqualTo(Map.of(200, 10));
    assertThat(voteCount(id)).isEqualTo(21);
    assertThat(votes(id)).isEqualTo(21);

    List<HttpRequest> withdrawals = new ArrayList<>();
    for (Api.Member voter : voters) {
      withdrawals.addAll(
          Collections.nCopies(3, Race.request(api(), voter, "DELETE", votePath(id))));
    }
    assertThat(Race.run(withdrawals, 30)).isEqualTo(Map.of(200, 60));
    assertThat(voteCount(id)).isEqualTo(1);
    assertThat(votes(id)).isEqualTo(1);
  }

  @Test
  default void adminNotesAreForOperatorsOnly() {
    Api.Member admin = api().admin();
    Api.Member asker = api().register();
    String id = request(asker, "Bridge pose");
    String notes = "Internal: license the reference from studio X " + UUID.randomUUID();

    review(admin, id, Map.of("status", "accepted", "adminNotes", notes))
        .then()
        .statusCode(200)
        .body("adminNotes", equalTo(notes))
        .body("userId", equalTo(asker.id().toString()))
        .body("request.status", equalTo("accepted"));

    for (Response seen :
        List.of(
            api().as(asker).get(REQUESTS + "/" + id),
            api().as(asker).get(REQUESTS + "?limit=100"),
            api().as(asker).get(REQUESTS + "?status=accepted&limit=100"),
            vote(asker, id),
            withdraw(asker, id))) {
      seen.then().statusCode(200);
      assertThat(seen.asString()).doesNotContain("adminNotes").doesNotContain(notes);
    }
    JsonPath operators = read(admin, ADMIN + "/requests/" + id);
    assertThat(operators.getString("adminNotes")).isEqualTo(notes);
    assertThat(operators.getString("request.id")).isEqualTo(id);
    JsonPath listed = read(admin, ADMIN + "/requests?status=accepted&sort=newest&limit=100");
    assertThat(listed.getString("items.find { it.request.id == '" + id + "' }.adminNotes"))
        .isEqualTo(notes);

    review(admin, id, Map.of("status", "accepted", "adminNotes", ""))
        .then()
        .statusCode(200)
        .body("adminNotes", nullValue())
        .body("request.status", equalTo("accepted"));
  }

  @Test
  default void onlyOperatorsReachTheAdminRoutes() {
    Api.Member user = api().register();
    String id = request(user, "Scorpion");
    UUID someCategory = UUID.randomUUID();
    UUID somePose = UUID.randomUUID();
    Map<String, Object> body = Map.of("status", "accepted");
    List<Response> answers =
        List.of(
            api().as(user).get(ADMIN + "/requests"),
            api().as(user).get(ADMIN + "/requests/" + id),
            api().as(user).body(body).patch(ADMIN + "/requests/" + id),
            api().as(user).get(ADMIN + "/categories"),
            api()
                .as(user)
                .body(Map.of("slug", "x", "displayName", "X"))
                .post(ADMIN + "/categories"),
            api()
                .as(user)
                .body(Map.of("displayName", "X"))
                .patch(ADMIN + "/categories/" + someCategory),
            api().as(user).delete(ADMIN + "/categories/" + someCategory),
            api().as(user).get(ADMIN + "/library/" + somePose),
            api().as(user).body(Map.of("name", "X")).post(ADMIN + "/library"),
            api().as(user).body(Map.of("name", "X")).patch(ADMIN + "/library/" + somePose),
            api().as(user).delete(ADMIN + "/library/" + somePose));
    for (Response answer : answers) {
      answer.then().statusCode(403).contentType("application/problem+json");
    }
    api().anonymous().get(ADMIN + "/requests").then().statusCode(401);
    api()
        .as(api().admin())
        .get(REQUESTS + "/" + id)
        .then()
        .statusCode(200)
        .body("mine", equalTo(false));
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM pose_requests WHERE id = ? AND status = 'pending'",
                UUID.fromString(id)))
        .isEqualTo(1);
  }

  @Test
  default void aRequestMovesOnlyAlongItsLife() {
    Api.Member admin = api().admin();
    Api.Member asker = api().register();
    Api.Member voter = api().register();
    String id = request(asker, "Crow pose");
    String pose = libraryPose(asker);

    review(admin, id, Map.of("status", "completed", "fulfilledPoseId", pose))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    review(admin, id, Map.of("status", "accepted"))
        .then()
        .statusCode(200)
        .body("request.status", equalTo("accepted"));
    vote(voter, id).then().statusCode(200).body("voteCount", equalTo(1));
    review(admin, id, Map.of("status", "completed"))
        .then()
        .statusCode(400)
        .body("errors.field", contains("fulfilledPoseId"));
    review(
            admin,
            id,
            Map.of("status", "completed", "fulfilledPoseId", UUID.randomUUID().toString()))
        .then()
        .statusCode(400)
        .body("errors.field", contains("fulfilledPoseId"));
    review(admin, id, Map.of("status", "completed", "fulfilledPoseId", pose))
        .then()
        .statusCode(200)
        .body("request.status", equalTo("completed"))
        .body("request.fulfilledPoseId", equalTo(pose));
    api()
        .as(asker)
        .get(REQUESTS + "/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("completed"))
        .body("fulfilledPoseId", equalTo(pose))
        .body("voteCount", equalTo(1));
    review(admin, id, Map.of("status", "rejected")).then().statusCode(409);
    review(admin, id, Map.of("status", "accepted")).then().statusCode(409);
    vote(api().register(), id).then().statusCode(409).contentType("application/problem+json");
    withdraw(voter, id).then().statusCode(409);
    assertThat(voteCount(id)).isEqualTo(1);

    String refused = request(asker, "Levitation");
    review(admin, refused, Map.of("status", "rejected", "adminNotes", "Not a body pose"))
        .then()
        .statusCode(200)
        .body("request.status", equalTo("rejected"));
    review(admin, refused, Map.of("status", "accepted")).then().statusCode(409);
    vote(voter, refused).then().statusCode(409);
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM pose_requests WHERE id = ? AND status = 'rejected'",
                UUID.fromString(refused)))
        .as("still rejected")
        .isEqualTo(1);

    review(admin, UUID.randomUUID().toString(), Map.of("status", "accepted"))
        .then()
        .statusCode(404);
    review(admin, id, Map.of("status", "done")).then().statusCode(400);
    review(admin, id, Map.of()).then().statusCode(400);
  }

  @Test
  default void operatorsAddChangeAndRetireCategoriesAndPoses() {
    Api.Member admin = api().admin();
    Api.Member user = api().register();
    String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
    List<Object> points = read(user, LIBRARY + "/" + libraryPose(user)).getList("keypoints");
    Response createdCategory =
        api()
            .as(admin)
            .body(
                Map.of(
                    "slug", slug, "displayName", "Test poses", "color", "#A0522D", "icon", "star"))
            .post(ADMIN + "/categories");
    createdCategory
        .then()
        .statusCode(201)
        .body("slug", equalTo(slug))
        .body("color", equalTo("#a0522d"))
        .body("retired", equalTo(false));
    String category = createdCategory.path("id");
    String pose = null;
    try {
      api()
          .as(admin)
          .body(Map.of("slug", slug, "displayName", "Again"))
          .post(ADMIN + "/categories")
          .then()
          .statusCode(409)
          .contentType("application/problem+json");

      Map<String, Object> newPose = new HashMap<>();
      newPose.put("name", "Test star jump");
      newPose.put("description", "Arms and legs out wide.");
      newPose.put("categoryId", category);
      newPose.put("difficulty", "intermediate");
      newPose.put("tags", List.of("Jump", "star"));
      newPose.put("keypoints", points);
      newPose.put("controlnetWeight", 0.8);
      Response createdPose = api().as(admin).body(newPose).post(ADMIN + "/library");
      createdPose
          .then()
          .statusCode(201)
          .body("retired", equalTo(false))
          .body("pose.category.slug", equalTo(slug))
          .body("pose.tags", contains("jump", "star"))
          .body("pose.keypoints", hasSize(18));
      pose = createdPose.path("pose.id");

      assertThat(read(user, LIBRARY + "?category=" + slug).getList("items.id"))
          .containsExactly(pose);
      assertThat(read(user, "/api/apps/pose-generator/categories").getList("slug")).contains(slug);
      api()
          .as(user)
          .get(LIBRARY + "?q=star&limit=100")
          .then()
          .statusCode(200)
          .body("items.id", hasItem(pose));
      api()
          .as(user)
          .accept("image/png")
          .get(LIBRARY + "/" + pose + "/skeleton.png")
          .then()
          .statusCode(200);

      api()
          .as(admin)
          .body(Map.of("name", "Test star jump, wide", "featured", true))
          .patch(ADMIN + "/library/" + pose)
          .then()
          .statusCode(200)
          .body("pose.name", equalTo("Test star jump, wide"))
          .body("pose.featured", equalTo(true))
          .body("pose.tags", contains("jump", "star"));
      api()
          .as(admin)
          .body(Map.of("displayName", "Test poses, renamed", "description", "For the test"))
          .patch(ADMIN + "/categories/" + category)
          .then()
          .statusCode(200)
          .body("displayName", equalTo("Test poses, renamed"))
          .body("slug", equalTo(slug));

      api().as(admin).delete(ADMIN + "/library/" + pose).then().statusCode(204);
      api()
          .as(user)
          .get(LIBRARY + "?category=" + slug)
          .then()
          .statusCode(200)
          .body("items", empty());
      api().as(user).get(LIBRARY + "/" + pose).then().statusCode(404);
      api()
          .as(admin)
          .get(ADMIN + "/library/" + pose)
          .then()
          .statusCode(200)
          .body("retired", equalTo(true));

      api().as(admin).delete(ADMIN + "/categories/" + category).then().statusCode(204);
      api().as(user).get(LIBRARY + "?category=" + slug).then().statusCode(400);
      assertThat(read(user, "/api/apps/pose-generator/categories").getList("slug"))
          .doesNotContain(slug);
      api()
          .as(admin)
          .get(ADMIN + "/categories/" + category)
          .then()
          .statusCode(200)
          .body("retired", equalTo(true));
    } finally {
      if (pose != null) {
        TestDatabase.update(
            "UPDATE pose_library SET is_public = false WHERE id = ?", UUID.fromString(pose));
      }
      TestDatabase.update(
          "UPDATE pose_categories SET active = false WHERE id = ?", UUID.fromString(category));
    }
  }

  @Test
  default void badInputIsAProblemAndUnknownIdsAreNotFound() throws IOException {
    Api.Member user = api().register();
    Api.Member admin = api().admin();
    long before =
        TestDatabase.count("SELECT count(*) FROM pose_requests WHERE user_id = ?", user.id());
    List<Map<String, Object>> bad =
        List.of(
            Map.of(),
            Map.of("name", " ", "description", "d"),
            Map.of("name", "n".repeat(101), "description", "d"),
            Map.of("name", "n", "description", "d".repeat(1001)),
            Map.of("name", "n", "description", "d", "categoryId", UUID.randomUUID().toString()));
    for (Map<String, Object> body : bad) {
      api()
          .as(user)
          .body(body)
          .post(REQUESTS)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors", not(empty()));
    }
    for (String query : List.of("sort=popular", "status=done", "limit=0", "cursor=garbage")) {
      api()
          .as(user)
          .get(REQUESTS + "?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    request(user, "One");
    request(user, "Two");
    String votesCursor =
        api()
            .as(user)
            .get(REQUESTS + "?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    api().as(user).get(REQUESTS + "?sort=newest&cursor=" + votesCursor).then().statusCode(400);
    assertThat(
            TestDatabase.count("SELECT count(*) FROM pose_requests WHERE user_id = ?", user.id()))
        .isEqualTo(before + 2);

    Response withPicture =
        api()
            .as(user)
            .contentType("multipart/form-data")
            .multiPart("name", "Like this photo")
            .multiPart("description", "The pose in the picture.")
            .multiPart("image", "pose.png", png(200, 300), "image/png")
            .post(REQUESTS);
    withPicture
        .then()
        .statusCode(201)
        .body("mine", equalTo(true))
        .body("status", equalTo("pending"));
    api()
        .anonymous()
        .accept("image/png")
        .get(withPicture.<String>path("referenceImageUrl"))
        .then()
        .statusCode(200);
    api()
        .as(user)
        .contentType("multipart/form-data")
        .multiPart("name", "Refused")
        .multiPart("description", "Not a picture.")
        .multiPart("image", "pose.png", "GIF89a not a picture".getBytes(), "image/png")
        .post(REQUESTS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    List<Object> keypoints = new ArrayList<>(Collections.nCopies(17, null));
    keypoints.add(List.of(0.5, 1.5));
    Map<String, Object> badPose = new HashMap<>();
    badPose.put("name", "Out of the picture");
    badPose.put("categoryId", UUID.randomUUID().toString());
    badPose.put("difficulty", "expert");
    badPose.put("tags", List.of("two words"));
    badPose.put("keypoints", keypoints);
    api()
        .as(admin)
        .body(badPose)
        .post(ADMIN + "/library")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("difficulty", "keypoints", "tags"));
    api()
        .as(admin)
        .body(Map.of("slug", "Not A Slug", "displayName", "X", "color", "red"))
        .post(ADMIN + "/categories")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("color", "slug"));
    api()
        .as(admin)
        .body(Map.of("parentId", UUID.randomUUID().toString()))
        .patch(ADMIN + "/categories/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    api()
        .as(admin)
        .body(Map.of("name", "X"))
        .patch(ADMIN + "/library/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    api().as(admin).delete(ADMIN + "/library/" + UUID.randomUUID()).then().statusCode(404);
    api().as(admin).delete(ADMIN + "/categories/" + UUID.randomUUID()).then().statusCode(404);
    api().as(admin).get(ADMIN + "/requests/" + UUID.randomUUID()).then().statusCode(404);
  }

  /** A new request of the member's; its id. */
  private String request(Api.Member member, String name) {
    return api()
        .as(member)
        .body(Map.of("name", name, "description", "Please add: " + name))
        .post(REQUESTS)
        .then()
        .statusCode(201)
        .body("name", equalTo(name))
        .body("voteCount", equalTo(0))
        .extract()
        .path("id");
  }

  private Response vote(Api.Member member, String id) {
    return api().as(member).put(votePath(id));
  }

  private Response withdraw(Api.Member member, String id) {
    return api().as(member).delete(votePath(id));
  }

  private static String votePath(String id) {
    return REQUESTS + "/" + id + "/vote";
  }

  /** An operator's decision on the request. */
  private Response review(Api.Member admin, String id, Map<String, ?> decision) {
    return api().as(admin).body(decision).patch(ADMIN + "/requests/" + id);
  }

  /** A JSON answer that must be 200. */
  private JsonPath read(Api.Member member, String path) {
    return api().as(member).get(path).then().statusCode(200).extract().jsonPath();
  }

  /** Every request, walking the pages (two at a time, to cross several). */
  private List<Map<String, Object>> all(Api.Member member, String query) {
    return api().everyItem(member, REQUESTS + "?limit=2&" + query);
  }

  private String libraryPose(Api.Member member) {
    return api()
        .as(member)
        .get(LIBRARY + "?limit=1")
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].id");
  }

  private static List<Object> ids(List<Map<String, Object>> requests) {
    return requests.stream().map(r -> r.get("id")).toList();
  }

  private static Map<String, Object> find(List<Map<String, Object>> requests, String id) {
    return requests.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
  }

  private static long number(Map<String, Object> request, String key) {
    return ((Number) request.get(key)).longValue();
  }

  private static OffsetDateTime time(Map<String, Object> request) {
    return OffsetDateTime.parse((String) request.get("createdAt"));
  }

  /** Rows in pose_request_votes for the request. */
  private static long votes(String id) {
    return TestDatabase.count(
        "SELECT count(*) FROM pose_request_votes WHERE request_id = ?", UUID.fromString(id));
  }

  /** The request's stored vote_count. */
  private static long voteCount(String id) {
    return TestDatabase.count(
        "SELECT vote_count FROM pose_requests WHERE id = ?", UUID.fromString(id));
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.MAGENTA);
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
