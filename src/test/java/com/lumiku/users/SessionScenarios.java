package com.lumiku.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sessions and the locked-down operations: logout revokes, refresh rotates, the Bearer scheme in
 * any case, the password policy, and the operators' documents for operators only.
 */
public interface SessionScenarios extends Scenarios {

  private JsonPath registered() {
    return api()
        .anonymous()
        .body(
            Map.of(
                "email", "session-" + UUID.randomUUID() + "@example.com",
                "password", "correct horse",
                "name", "Session"))
        .post("/api/auth/register")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private io.restassured.response.Response refresh(String refreshToken) {
    return api().anonymous().body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
  }

  /** {@code GET /api/me} with this Bearer token. */
  private io.restassured.response.Response me(String token) {
    return api().anonymous().header("Authorization", "Bearer " + token).get("/api/me");
  }

  @Test
  default void logoutRevokesTheAccessTokenAndItsRefreshTokens() {
    JsonPath session = registered();
    String token = session.getString("token");
    assertThat(session.getLong("expiresIn")).isEqualTo(1800);
    me(token).then().statusCode(200);

    api()
        .anonymous()
        .header("Authorization", "Bearer " + token)
        .body(Map.of("refreshToken", session.getString("refreshToken")))
        .post("/api/auth/logout")
        .then()
        .statusCode(204);

    for (int attempt = 0; attempt < 2; attempt++) {
      me(token).then().statusCode(401).contentType("application/problem+json");
    }
    refresh(session.getString("refreshToken"))
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  default void refreshRotatesAndAReusedRefreshTokenEndsTheSession() {
    JsonPath session = registered();
    String first = session.getString("refreshToken");

    JsonPath renewed = refresh(first).then().statusCode(200).extract().jsonPath();
    String second = renewed.getString("refreshToken");
    assertThat(second).isNotEqualTo(first);
    assertThat(renewed.getString("token")).isNotEqualTo(session.getString("token"));
    assertThat(renewed.getString("user.id")).isEqualTo(session.getString("user.id"));
    api()
        .anonymous()
        .header("Authorization", "Bearer " + renewed.getString("token"))
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(session.getString("user.id")));

    // The used token again: refused, and the family it belongs to ends (a copy was replayed).
    refresh(first).then().statusCode(401).contentType("application/problem+json");
    refresh(second).then().statusCode(401);
    refresh("not-a-refresh-token").then().statusCode(401);
  }

  @Test
  default void theBearerSchemeIsMatchedInAnyCase() {
    String token = registered().getString("token");
    for (String scheme : new String[] {"bearer", "BEARER", "BeArEr"}) {
      api()
          .anonymous()
          .header("Authorization", scheme + " " + token)
          .get("/api/me")
          .then()
          .statusCode(200);
    }
  }

  /**
   * A token seen again is remembered as verified (CaseInsensitiveBearer): the caller, its roles and
   * the refusals must stay what the first, fully verified request got; a token that failed is never
   * remembered, and a changed signature is a different token.
   */
  @Test
  default void aTokenSentAgainIsTheSameCallerWithTheSameRoles() {
    Api.Member member = api().register();
    Api.Member admin = api().admin();
    for (int attempt = 0; attempt < 3; attempt++) {
      api()
          .as(member)
          .get("/api/me")
          .then()
          .statusCode(200)
          .body("id", equalTo(member.id().toString()));
      api().as(member).get("/api/admin/audit").then().statusCode(403);
      api().as(admin).get("/api/admin/audit").then().statusCode(200);
    }
    String token = registered().getString("token");
    me(token).then().statusCode(200);
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    for (int attempt = 0; attempt < 2; attempt++) {
      me(forged).then().statusCode(401).contentType("application/problem+json");
    }
  }

  @Test
  default void weakPasswordsAreRefusedNamingTheRule() {
    Map<String, String> rules =
        Map.of(
            "12345678", "at least 10",
            "password1", "at least 10",
            "short pw", "at least 10",
            "qwertyuiop", "commonly used",
            "Password1234", "commonly used",
            "1234567890", "commonly used");
    rules.forEach(
        (weak, rule) ->
            api()
                .anonymous()
                .body(
                    Map.of(
                        "email",
                        "weak-" + UUID.randomUUID() + "@example.com",
                        "password",
                        weak,
                        "name",
                        "Weak"))
                .post("/api/auth/register")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("password"))
                .body("errors.find { it.field == 'password' }.message", containsString(rule)));
  }

  @Test
  default void operationsDocumentsAreForAdminsAndProbesStayOpen() {
    Api.Member member = api().register();
    Api.Member admin = api().admin();
    for (String path : new String[] {"/metrics", "/metrics?scope=application", "/openapi"}) {
      api()
          .anonymous()
          .accept("*/*")
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
      api()
          .as(member)
          .accept("*/*")
          .get(path)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      if (path.startsWith("/metrics")) {
        api().as(admin).accept("*/*").get(path).then().statusCode(200);
      }
      // An admin's /openapi is ContractScenarios': its first answer after deployment must be its.
    }
    api().as(admin).accept("*/*").get("/api/application.wadl").then().statusCode(404);
    api().as(member).get("/api/health/queues").then().statusCode(403);
    api().as(member).get("/api/health/workers").then().statusCode(403);
    api().anonymous().get("/health/ready").then().statusCode(oneOf(200, 503));
    api().anonymous().get("/health/live").then().statusCode(oneOf(200, 503));
  }

  @Test
  default void everyAnswerCarriesTheBrowserProtections() {
    for (String path : new String[] {"/", "/api/apps", "/api/me", "/health/ready"}) {
      io.restassured.response.Response answer = api().anonymous().accept("*/*").get(path);
      assertThat(answer.getHeaders().getValues("Content-Security-Policy"))
          .as(path)
          .singleElement()
          .asString()
          .contains("default-src 'self'")
          .contains("script-src 'self' 'sha256-")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(answer.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(answer.getHeader("Referrer-Policy")).as(path).isEqualTo("no-referrer");
      assertThat(answer.getHeader("Permissions-Policy")).as(path).contains("camera=()");
      assertThat(answer.getHeader("Set-Cookie")).as(path).isNull();
    }
  }

  @Test
  default void anAdminsGrantIsInTheAuditWithWhoWhatAndWhy() {
    Api.Member member = api().register();
    Api.Member admin = api().admin();
    String reason = "audit check " + UUID.randomUUID();
    api()
        .as(admin)
        .body(Map.of("amount", 7, "reason", reason))
        .post("/api/admin/users/" + member.id() + "/credits")
        .then()
        .statusCode(201);

    JsonPath audit =
        api()
            .as(admin)
            .get("/api/admin/audit?limit=50")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> entry =
        audit.getList("items", Map.class).stream()
            .filter(item -> String.valueOf(item.get("details")).contains(reason))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError("no audit entry with " + reason + ": " + audit.prettify()));
    assertThat(entry)
        .containsEntry("action", "credits.grant")
        .containsEntry("targetType", "user")
        .containsEntry("targetId", member.id().toString())
        .containsEntry("adminId", admin.id().toString());
    assertThat(String.valueOf(entry.get("details"))).contains("\"amount\":7");
    api().as(member).get("/api/admin/audit").then().statusCode(403);
    api().as(admin).get("/api/admin/audit?cursor=nonsense").then().statusCode(400);
  }
}
