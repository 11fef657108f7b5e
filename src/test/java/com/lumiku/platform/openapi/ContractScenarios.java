package com.lumiku.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Api;
import com.lumiku.testing.Routes;
import com.lumiku.testing.Scenarios;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at {@code /openapi}: whole ({@link ContractCheck}) from its first request
 * on.
 *
 * <p>Payara builds the document at the first request that passes the operators' guard and keeps it.
 * It used to throw there (a 500) and then serve what it had built until it threw: a 200 with part
 * of the routes. So this must stay the deployment's only admin request for {@code /openapi} (the
 * guard's 401 and 403 build nothing): its first answer is the one after deployment.
 */
public interface ContractScenarios extends Scenarios {

  /** Pose Generator's health answers 503 with its health document, as probes expect. */
  Set<String> NOT_PROBLEMS = Set.of("GET /api/apps/pose-generator/health 503");

  @Test
  default void theOpenApiDocumentIsWholeFromItsFirstRequest() {
    Api.Member admin = api().admin();
    Response first = api().as(admin).accept("application/json").get("/openapi?format=json");
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
    assertThat(ContractCheck.failures(first.asString(), Routes.all(), NOT_PROBLEMS)).isEmpty();

    // The records' bean-validation constraints reach their schemas (Payara's reading is off).
    JsonPath registration =
        JsonPath.from(first.asString()).setRootPath("components.schemas.Registration");
    assertThat(registration.getList("required", String.class))
        .containsExactlyInAnyOrder("email", "password", "name");
    assertThat(registration.getInt("properties.email.maxLength")).isEqualTo(254);
    assertThat(registration.getString("properties.email.format")).isEqualTo("email");

    Response again = api().as(admin).accept("text/plain").get("/openapi"); // YAML
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(ContractCheck.failures(again.asString(), Routes.all(), NOT_PROBLEMS)).isEmpty();
  }
}
