package com.lumiku.users;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Register, log in and see one's account; every refusal is a problem document, never HTML. */
public interface AuthenticationScenarios extends Scenarios {

  @Test
  default void registeredUserLogsInAndSeesWelcomeCredits() {
    String email = "Someone-" + UUID.randomUUID() + "@Example.com";
    api()
        .anonymous()
        .body(Map.of("email", email, "password", "long enough", "name", "Someone"))
        .post("/api/auth/register")
        .then()
        .statusCode(201)
        .body("token", notNullValue())
        .body("user.email", equalTo(email.toLowerCase()))
        .body("user.credits", equalTo(100))
        .body("user.role", equalTo("user"));

    String token =
        api()
            .anonymous()
            .body(Map.of("email", email.toUpperCase(), "password", "long enough"))
            .post("/api/auth/login")
            .then()
            .statusCode(200)
            .extract()
            .path("token");

    api()
        .anonymous()
        .header("Authorization", "Bearer " + token)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(email.toLowerCase()))
        .body("name", equalTo("Someone"))
        .body("credits", equalTo(100));
    api()
        .anonymous()
        .header("Authorization", "Bearer " + token)
        .get("/api/credits")
        .then()
        .statusCode(200)
        .body("balance", equalTo(100));
  }

  @Test
  default void refusalsAreProblemDocuments() {
    Api.Member member = api().register();
    api()
        .anonymous()
        .body(Map.of("email", member.email(), "password", "correct horse", "name", "Again"))
        .post("/api/auth/register")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    api()
        .anonymous()
        .body(Map.of("email", member.email(), "password", "wrong horse"))
        .post("/api/auth/login")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    api()
        .anonymous()
        .body(
            Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "whatever"))
        .post("/api/auth/login")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    api()
        .anonymous()
        .body(Map.of("email", "not an email", "password", "short"))
        .post("/api/auth/register")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("email", "password", "name"));
    api().anonymous().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    api()
        .anonymous()
        .header("Authorization", "Bearer not.a.token")
        .get("/api/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    api()
        .anonymous()
        .header(
            "Authorization",
            "Bearer " + member.token().substring(0, member.token().length() - 4) + "AAAA")
        .get("/api/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }
}
