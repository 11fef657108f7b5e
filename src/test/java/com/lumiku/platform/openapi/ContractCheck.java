package com.lumiku.platform.openapi;

import com.lumiku.testing.Routes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes the served OpenAPI document complete, checked mechanically: it parses as OpenAPI with
 * no message, and every route the resource classes declare ({@link Routes}, read from the compiled
 * classes, independently of how the document was made) is an operation with a summary, a unique id,
 * a success answer with a schema for each media type (or explicitly no content), problem answers
 * only as {@code application/problem+json} with the {@code Problem} schema, a security requirement
 * or an explicit "none" ({@code security: []}), and, when it reads a body, a schema per media type
 * and, for JSON, an example. Each failure is one sentence naming the route.
 */
public final class ContractCheck {

  static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
  static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  private final OpenAPI document;
  private final Set<String> notProblems;
  private final List<String> failures = new ArrayList<>();

  private ContractCheck(OpenAPI document, List<String> messages, Set<String> notProblems) {
    this.document = document;
    this.notProblems = notProblems;
    messages.forEach(message -> failures.add("parser: " + message));
  }

  /** The failures of this document (JSON or YAML) against these routes; empty when it is whole. */
  public static List<String> failures(String document, List<Routes.Route> routes) {
    return failures(document, routes, Set.of());
  }

  /**
   * Like {@link #failures(String, List)}, where the answers named in {@code notProblems} (e.g.
   * {@code "GET /api/apps/pose-generator/health 503"}, a health document) may be something else
   * than a problem.
   */
  public static List<String> failures(
      String document, List<Routes.Route> routes, Set<String> notProblems) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
    if (parsed.getOpenAPI() == null) {
      return List.of("parser: not an OpenAPI document: " + parsed.getMessages());
    }
    ContractCheck check =
        new ContractCheck(
            parsed.getOpenAPI(),
            parsed.getMessages() == null ? List.of() : parsed.getMessages(),
            notProblems);
    check.routes(routes);
    return List.copyOf(check.failures);
  }

  private void routes(List<Routes.Route> routes) {
    Set<String> operationIds = new HashSet<>();
    for (Routes.Route route : routes) {
      PathItem item = document.getPaths() == null ? null : document.getPaths().get(route.path());
      Operation operation =
          item == null
              ? null
              : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(route.method()));
      if (operation == null) {
        fail(route, "is missing");
        continue;
      }
      if (operation.getOperationId() != null && !operationIds.add(operation.getOperationId())) {
        // the JSON and multipart variants of one path and verb share their operation
        if (routes.stream()
                .filter(r -> r.path().equals(route.path()) && r.method().equals(route.method()))
                .count()
            < 2) {
          fail(route, "repeats the operationId " + operation.getOperationId());
        }
      }
      if (blank(operation.getSummary())) {
        fail(route, "has no summary");
      }
      if (operation.getSecurity() == null) {
        fail(route, "says neither which security it needs nor that it needs none (security: [{}])");
      } else if (operation.getSecurity().stream()
          .anyMatch(
              requirement ->
                  !document
                      .getComponents()
                      .getSecuritySchemes()
                      .keySet()
                      .containsAll(requirement.keySet()))) {
        fail(route, "names an undefined security scheme");
      }
      responses(route, operation);
      requestBody(route, operation);
    }
  }

  private void responses(Routes.Route route, Operation operation) {
    if (operation.getResponses() == null || operation.getResponses().isEmpty()) {
      fail(route, "has no responses");
      return;
    }
    boolean success = false;
    boolean serverError = false;
    for (Map.Entry<String, ApiResponse> entry : operation.getResponses().entrySet()) {
      String status = entry.getKey();
      ApiResponse response = resolve(entry.getValue());
      if (response == null) {
        fail(route, status + " refers to an undefined response " + entry.getValue().get$ref());
        continue;
      }
      if (status.startsWith("3")) {
        success = true; // a form post's answer: see the next page
      } else if (status.startsWith("2")) {
        success = true;
        if (response.getContent() == null || response.getContent().isEmpty()) {
          if (!status.equals("204") && !status.equals("201")) {
            fail(route, status + " has no content (only a 201 or 204 may have none)");
          }
        } else {
          response
              .getContent()
              .forEach(
                  (type, media) -> {
                    if (media.getSchema() == null) {
                      fail(route, status + " " + type + " has no schema");
                    }
                  });
        }
      } else if (status.startsWith("4") || status.startsWith("5")) {
        serverError |= status.equals("500");
        Content content = response.getContent();
        MediaType problem = content == null ? null : content.get(PROBLEM_MEDIA_TYPE);
        if (notProblems.contains(route + " " + status)) {
          continue;
        }
        if (content == null
            || content.size() != 1
            || problem == null
            || problem.getSchema() == null
            || !PROBLEM_SCHEMA.equals(problem.getSchema().get$ref())) {
          fail(route, status + " is not a Problem as " + PROBLEM_MEDIA_TYPE);
        }
      }
    }
    if (!success) {
      fail(route, "has no 2xx (or 3xx) response");
    }
    if (!serverError) {
      fail(route, "has no 500 response");
    }
    boolean secured =
        operation.getSecurity() != null
            && operation.getSecurity().stream().noneMatch(requirement -> requirement.isEmpty());
    if (secured && !operation.getResponses().containsKey("401")) {
      fail(route, "needs a token but has no 401");
    }
  }

  private void requestBody(Routes.Route route, Operation operation) {
    boolean reads = route.body() != null || !route.formParameters().isEmpty();
    if (!reads) {
      return;
    }
    if (operation.getRequestBody() == null
        || operation.getRequestBody().getContent() == null
        || operation.getRequestBody().getContent().isEmpty()) {
      fail(route, "reads a body but has no requestBody");
      return;
    }
    for (String type : route.consumes()) {
      MediaType media = operation.getRequestBody().getContent().get(type);
      if (media == null) {
        fail(route, "reads " + type + " but its requestBody lacks it");
      } else if (media.getSchema() == null) {
        fail(route, "requestBody " + type + " has no schema");
      } else if (type.contains("json") && !hasExample(media)) {
        fail(route, "requestBody " + type + " has no example");
      }
    }
  }

  private boolean hasExample(MediaType media) {
    if (media.getExample() != null
        || (media.getExamples() != null && !media.getExamples().isEmpty())) {
      return true;
    }
    Schema<?> schema = media.getSchema();
    String ref = schema.get$ref();
    if (ref != null && ref.startsWith("#/components/schemas/")) {
      schema = document.getComponents().getSchemas().get(ref.substring(21));
    }
    return schema != null && schema.getExample() != null;
  }

  private ApiResponse resolve(ApiResponse response) {
    String ref = response.get$ref();
    if (ref == null) {
      return response;
    }
    String prefix = "#/components/responses/";
    if (!ref.startsWith(prefix)
        || document.getComponents() == null
        || document.getComponents().getResponses() == null) {
      return null;
    }
    return document.getComponents().getResponses().get(ref.substring(prefix.length()));
  }

  private void fail(Routes.Route route, String what) {
    failures.add(route + " " + what);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
