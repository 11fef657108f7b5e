package com.lumiku.poses;

import com.lumiku.testing.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What Pose Generator's tests set up over HTTP: an avatar, a project posing it, orders. */
public final class PoseFixtures {

  public static final String APP = "/api/apps/pose-generator";
  static final Duration WITHIN = Duration.ofSeconds(60);

  private PoseFixtures() {}

  /** A finished avatar of the member (it costs the avatar's price). */
  public static UUID avatar(Api api, Api.Member member) {
    UUID generation = api.acceptedAvatar(member, api.createProject(member), "a smiling hiker");
    JsonPath done = api.awaitTerminal(member, generation, WITHIN);
    return UUID.fromString(done.getString("result.avatarId"));
  }

  /** A new project posing the avatar (or nobody, for null). */
  public static UUID project(Api api, Api.Member member, UUID avatarId) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Poses " + UUID.randomUUID());
    if (avatarId != null) {
      body.put("avatarId", avatarId);
    }
    return UUID.fromString(
        api.as(member)
            .body(body)
            .post(APP + "/projects")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  /** The ids of the library poses a listing query finds. */
  public static List<String> libraryPoses(Api api, Api.Member member, String query) {
    return api.as(member)
        .get(APP + "/library?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  /** Orders a batch; the raw answer. */
  public static Response order(Api api, Api.Member member, UUID project, Map<String, ?> body) {
    return api.as(member).body(body).post(APP + "/projects/" + project + "/generations");
  }

  /** Orders a batch that must be accepted; its generation id. */
  public static UUID accepted(Api api, Api.Member member, UUID project, Map<String, ?> body) {
    return UUID.fromString(
        order(api, member, project, body).then().statusCode(202).extract().path("generation.id"));
  }
}
