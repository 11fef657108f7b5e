package com.lumiku.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Api;
import com.lumiku.testing.Routes;
import com.lumiku.testing.Scenarios;
import io.restassured.response.Response;
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

  @Test
  default void theOpenApiDocumentIsWholeFromItsFirstRequest() {
    Api.Member admin = api().admin();
    Response first = api().as(admin).accept("application/json").get("/openapi?format=json");
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
    assertThat(ContractCheck.failures(first.asString(), Routes.all())).isEmpty();

    Response again = api().as(admin).accept("application/yaml").get("/openapi");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(ContractCheck.failures(again.asString(), Routes.all())).isEmpty();
  }
}
