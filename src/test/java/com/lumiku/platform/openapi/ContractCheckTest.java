package com.lumiku.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Routes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document check itself: a whole document passes, and each kind of gap is reported. */
class ContractCheckTest {

  static final Routes.Route GET_THING =
      new Routes.Route(
          Object.class,
          "GET",
          "/api/things/{id}",
          List.of(),
          List.of("application/json"),
          List.of("id"),
          List.of(),
          List.of(),
          null);

  static final Routes.Route POST_THING =
      new Routes.Route(
          Object.class,
          "POST",
          "/api/things",
          List.of("application/json"),
          List.of("application/json"),
          List.of(),
          List.of(),
          List.of(),
          String.class);

  static final Routes.Route PUBLIC_LIST =
      new Routes.Route(
          Object.class,
          "GET",
          "/api/public",
          List.of(),
          List.of("application/json"),
          List.of(),
          List.of(),
          List.of(),
          null);

  static final String WHOLE =
      """
      openapi: 3.0.3
      info: {title: t, version: "1"}
      paths:
        /api/things/{id}:
          get:
            operationId: thing
            summary: One thing
            security: [{bearer: []}]
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              "200":
                description: OK
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Thing'}}
              "401": {$ref: '#/components/responses/Unauthorized'}
              "500": {$ref: '#/components/responses/InternalServerError'}
        /api/things:
          post:
            operationId: newThing
            summary: A new thing
            security: [{bearer: []}]
            requestBody:
              content:
                application/json: {schema: {$ref: '#/components/schemas/Thing'}}
            responses:
              "201":
                description: Created
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Thing'}}
              "401": {$ref: '#/components/responses/Unauthorized'}
              "500": {$ref: '#/components/responses/InternalServerError'}
        /api/public:
          get:
            operationId: everything
            summary: Open to all
            security: [{}]
            responses:
              "200":
                description: OK
                content:
                  application/json:
                    schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
              "500": {$ref: '#/components/responses/InternalServerError'}
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer}
        schemas:
          Thing:
            type: object
            properties: {name: {type: string}}
            example: {name: kettle}
          Problem:
            type: object
            properties: {title: {type: string}}
        responses:
          Unauthorized:
            description: no token
            content:
              application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
          InternalServerError:
            description: failure
            content:
              application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}
      """;

  static final List<Routes.Route> ROUTES = List.of(GET_THING, POST_THING, PUBLIC_LIST);

  @Test
  void aWholeDocumentHasNoFailure() {
    assertThat(ContractCheck.failures(WHOLE, ROUTES)).isEmpty();
  }

  @Test
  void aRouteMissingFromTheDocumentIsReported() {
    Routes.Route extra =
        new Routes.Route(
            Object.class,
            "DELETE",
            "/api/things/{id}",
            List.of(),
            List.of(),
            List.of("id"),
            List.of(),
            List.of(),
            null);
    assertThat(ContractCheck.failures(WHOLE, List.of(GET_THING, extra)))
        .containsExactly("DELETE /api/things/{id} is missing");
  }

  @Test
  void anInvalidDocumentFailsWithTheParsersMessages() {
    assertThat(
            ContractCheck.failures(
                WHOLE.replace("info: {title: t, version: \"1\"}", "info: {}"), ROUTES))
        .anyMatch(failure -> failure.startsWith("parser: ") && failure.contains("title"));
    assertThat(ContractCheck.failures(WHOLE + "endpoints: {/: [/api/public]}\n", ROUTES))
        .anyMatch(failure -> failure.startsWith("parser: ") && failure.contains("endpoints"));
  }

  @Test
  void anOperationWithoutSummaryOrSecurityIsReported() {
    String document =
        WHOLE
            .replaceAll("(?m)^\\s+summary: Open to all\n", "")
            .replaceAll("(?m)^\\s+security: \\[\\{}]\n", "");
    assertThat(ContractCheck.failures(document, ROUTES))
        .containsExactlyInAnyOrder(
            "GET /api/public has no summary",
            "GET /api/public says neither which security it needs nor that it needs none"
                + " (security: [{}])");
  }

  @Test
  void aProblemAnswerThatIsNotAProblemIsReported() {
    String document =
        WHOLE.replaceFirst(
            "(Unauthorized:\n\\s+description: no token\n\\s+content:\n\\s+)application/problem\\+json: .*",
            "$1application/json: {schema: {type: string}}");
    assertThat(document).isNotEqualTo(WHOLE);
    assertThat(ContractCheck.failures(document, ROUTES))
        .containsExactlyInAnyOrder(
            "GET /api/things/{id} 401 is not a Problem as application/problem+json",
            "POST /api/things 401 is not a Problem as application/problem+json");
  }

  @Test
  void anAnswerAllowedNotToBeAProblemIsNotReported() {
    String document =
        WHOLE.replaceFirst(
            "(Unauthorized:\n\\s+description: no token\n\\s+content:\n\\s+)application/problem\\+json: .*",
            "$1application/json: {schema: {type: string}}");
    assertThat(
            ContractCheck.failures(document, ROUTES, java.util.Set.of("GET /api/things/{id} 401")))
        .containsExactly("POST /api/things 401 is not a Problem as application/problem+json");
  }

  @Test
  void aSuccessWithoutSchemaAndAMissing401AreReported() {
    String document =
        WHOLE
            .replaceFirst(
                "application/json: \\{schema: \\{\\$ref: '#/components/schemas/Thing'}}",
                "application/json: {}")
            .replaceFirst("(?m)^\\s+\"401\": .*\n", "");
    assertThat(ContractCheck.failures(document, ROUTES))
        .containsExactlyInAnyOrder(
            "GET /api/things/{id} 200 application/json has no schema",
            "GET /api/things/{id} needs a token but has no 401");
  }

  @Test
  void aJsonBodyWithoutExampleIsReported() {
    String document = WHOLE.replaceAll("(?m)^\\s+example: \\{name: kettle}\n", "");
    assertThat(document).isNotEqualTo(WHOLE);
    assertThat(ContractCheck.failures(document, ROUTES))
        .containsExactly("POST /api/things requestBody application/json has no example");
  }

  @Test
  void aBodyTheDocumentDoesNotDescribeIsReported() {
    String document = WHOLE.replaceFirst("(?m)^\\s+requestBody:\n\\s+content:\n.*\n", "");
    assertThat(document).isNotEqualTo(WHOLE);
    assertThat(ContractCheck.failures(document, ROUTES))
        .containsExactly("POST /api/things reads a body but has no requestBody");
  }
}
