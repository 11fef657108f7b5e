package com.lumiku.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.lumiku.probe.ProbeBatch;
import com.lumiku.probe.ProbeOrder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lumiku's HTTP API as a browser or script uses it, for the integration tests: every call goes over
 * HTTP to the deployed application.
 */
public final class Api {

  private static final Set<String> TERMINAL = Set.of("completed", "partial", "failed", "canceled");

  private final String base;

  /**
   * Talks to the deployment over loopback: Arquillian reports the host name Payara Micro prints,
   * but the tests' traffic stays on 127.0.0.1, where the server listens.
   */
  public Api(URL deployment) {
    String url = "http://127.0.0.1:" + deployment.getPort() + deployment.getPath();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Where the application is, e.g. {@code http://127.0.0.1:8080} (no trailing slash). */
  public String baseUrl() {
    return base;
  }

  /** Someone signed in: their id and Bearer token. */
  public record Member(UUID id, String email, String token) {}

  public RequestSpecification anonymous() {
    return given().baseUri(base).contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  public RequestSpecification as(Member member) {
    return anonymous().header("Authorization", "Bearer " + member.token());
  }

  /** Registers a new user with a unique email address. */
  public Member register() {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    JsonPath body =
        anonymous()
            .body(Map.of("email", email, "password", "correct horse", "name", "Test User"))
            .post("/api/auth/register")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Member(UUID.fromString(body.getString("user.id")), email, body.getString("token"));
  }

  /** The configured admin (it.admin.email), registered on first use and logged in afterwards. */
  public Member admin() {
    String email = System.getProperty("it.admin.email", "admin@lumiku.test");
    io.restassured.response.Response registered =
        anonymous()
            .body(Map.of("email", email, "password", "correct horse", "name", "Operator"))
            .post("/api/auth/register");
    JsonPath body = registered.statusCode() == 201 ? registered.jsonPath() : logInAnswer(email);
    if (!"admin".equals(body.getString("user.role"))) {
      throw new IllegalStateException(email + " is not an admin: is LUMIKU_ADMIN_EMAILS set?");
    }
    return new Member(UUID.fromString(body.getString("user.id")), email, body.getString("token"));
  }

  /** Signs in a user registered here (by {@link #register}): a new token. */
  public Member logIn(String email) {
    JsonPath body = logInAnswer(email);
    return new Member(UUID.fromString(body.getString("user.id")), email, body.getString("token"));
  }

  private JsonPath logInAnswer(String email) {
    return anonymous()
        .body(Map.of("email", email, "password", "correct horse"))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** What an admin reads at {@code path} (an operators' route), which must answer 200. */
  public JsonPath operatorView(String path) {
    return as(admin()).get(path).then().statusCode(200).extract().jsonPath();
  }

  /** An admin gives the member credits. */
  public void grant(Member member, long amount) {
    as(admin())
        .body(Map.of("amount", amount, "reason", "test credits"))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(201);
  }

  public UUID createProject(Member member) {
    return UUID.fromString(
        as(member)
            .body(Map.of("name", "Project " + UUID.randomUUID()))
            .post("/api/apps/avatar-creator/projects")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  /** Orders an avatar and returns the raw answer, whatever it is. */
  public Response orderAvatar(Member member, UUID projectId, String prompt) {
    return as(member)
        .body(Map.of("prompt", prompt, "name", "Avatar"))
        .post("/api/apps/avatar-creator/projects/" + projectId + "/avatars/generate");
  }

  /** Orders an avatar that must be accepted; returns the generation id. */
  public UUID acceptedAvatar(Member member, UUID projectId, String prompt) {
    return UUID.fromString(
        orderAvatar(member, projectId, prompt)
            .then()
            .statusCode(202)
            .extract()
            .path("generation.id"));
  }

  /** Orders a run of the probe app (deployments with it only); returns the raw answer. */
  public Response orderProbe(Member member, ProbeOrder order) {
    return as(member).body(order).post("/api/apps/probe/runs");
  }

  /** The path of a probe run of the quick type, ordered through the group commit. */
  public static final String QUICK_PROBE_RUNS = "/api/apps/probe/quick-runs";

  /** Orders a batch of probe runs (deployments with the probe app only); returns the answer. */
  public Response orderProbeBatch(Member member, ProbeBatch batch) {
    return as(member).body(batch).post("/api/apps/probe/batches");
  }

  /** Orders a batch of probe runs that must be accepted; returns the generation id. */
  public UUID acceptedProbeBatch(Member member, ProbeBatch batch) {
    return UUID.fromString(
        orderProbeBatch(member, batch).then().statusCode(202).extract().path("generation.id"));
  }

  /** Orders a probe run that must be accepted; returns the generation id. */
  public UUID acceptedProbe(Member member, ProbeOrder order) {
    return UUID.fromString(
        orderProbe(member, order).then().statusCode(202).extract().path("generation.id"));
  }

  public JsonPath generation(Member member, UUID id) {
    return as(member).get("/api/generations/" + id).then().statusCode(200).extract().jsonPath();
  }

  /** A generation as operators see it ({@code GET /api/admin/generations/{id}}, as the admin). */
  public JsonPath adminView(UUID id) {
    return as(admin())
        .get("/api/admin/generations/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Polls the generation until it is completed, failed or canceled, and returns it. */
  public JsonPath awaitTerminal(Member member, UUID id, Duration within) {
    return await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> generation(member, id), g -> TERMINAL.contains(g.getString("status")));
  }

  /**
   * Every item of a paged listing, following {@code nextCursor} from the first page ({@code path}
   * already has a query string).
   */
  public List<Map<String, Object>> everyItem(Member member, String path) {
    List<Map<String, Object>> all = new ArrayList<>();
    String first = path.replaceAll("&+$", "");
    String cursor = null;
    do {
      JsonPath page =
          as(member)
              .get(first + (cursor == null ? "" : "&cursor=" + cursor))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      all.addAll(page.getList("items"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return all;
  }

  public Response get(String path) {
    return anonymous().get(path);
  }

  public String base() {
    return base;
  }
}
