package com.lumiku.platform.openapi;

import com.lumiku.platform.LumikuApi;
import com.lumiku.platform.Roles;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The contract's rules that hold for every route, applied once here instead of on each resource
 * method (configured as {@code mp.openapi.filter}): who may call a route comes from its
 * {@code @RolesAllowed}/{@code @PermitAll} (a Bearer token, or explicitly none); the problem
 * answers every route can give (400, 401, 403, 404, 413, 415, 500, 503, all {@code
 * application/problem+json}, defined once in {@code META-INF/openapi.yaml}) follow from what the
 * route takes and who may call it; a route's tag is its feature. Resource methods carry only what
 * is their own: a summary, their success answer when it is not their return type, and the problems
 * only they give (402, 409, 429, ...), which take precedence over the defaults here.
 *
 * <p>It also repairs what Payara's scanner gets wrong: operation ids are the Java method names
 * (duplicated across classes; here class and method), a generic {@code Page<T>} becomes one shared
 * schema (here each page names its items), and of two methods on one path and verb (a JSON and a
 * multipart variant) only one survives (here the request body lists both media types).
 */
public class ContractDefaults implements OASFilter {

  private static final Logger LOG = Logger.getLogger(ContractDefaults.class.getName());

  static final String BEARER = "bearer";
  static final String PROBLEM = "application/problem+json";

  @Override
  public void filterOpenAPI(OpenAPI api) {
    List<Route> routes = Route.of(LumikuApi.PATH, resourceClasses());
    withoutTemplateRegexes(api);
    withoutEndpointList(api);
    // By identity: the JSON and multipart variants of a path and verb share one operation.
    Set<Operation> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<String> operationIds = new LinkedHashSet<>();
    for (Route route : routes) {
      PathItem item = api.getPaths() == null ? null : api.getPaths().getPathItem(route.path());
      Operation operation =
          item == null
              ? null
              : item.getOperations().get(PathItem.HttpMethod.valueOf(route.httpMethod()));
      if (operation == null) {
        LOG.log(
            Level.WARNING,
            "OpenAPI: {0} {1} ({2}) is missing from the scanned document",
            new Object[] {route.httpMethod(), route.path(), route.method()});
        continue;
      }
      if (seen.add(operation)) {
        operation.setOperationId(unique(operationIds, operationId(route)));
        if (operation.getRequestBody() != null && !route.consumes().isEmpty()) {
          // Payara's scan gives a form or an unannotated body as */*: the route says what it reads.
          operation.getRequestBody().getContent().removeMediaType("*/*");
        }
      }
      requestBody(operation, route);
      describe(operation, route);
    }
    schemas(api, routes);
  }

  /**
   * The schemas of the records the routes take and give (and name in their {@code @APIResponse}s),
   * made from the records themselves ({@link Schemas}), with their bean-validation constraints;
   * each {@code @APIResponse} content as a reference to its record's schema; and no attribute left
   * at an annotation's default anywhere.
   */
  private static void schemas(OpenAPI api, List<Route> routes) {
    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    List<java.lang.reflect.Type> roots = new ArrayList<>();
    for (Route route : routes) {
      roots.addAll(Constraints.typesOf(route));
      declaredAnswers(route).forEach(answer -> roots.add(answer.type()));
    }
    Map<String, Class<?>> records = Constraints.records(roots);
    records.forEach(
        (name, record) -> api.getComponents().addSchema(name, Schemas.ofRecord(record)));
    for (Route route : routes) {
      PathItem item = api.getPaths().getPathItem(route.path());
      Operation operation =
          item == null
              ? null
              : item.getOperations().get(PathItem.HttpMethod.valueOf(route.httpMethod()));
      if (operation == null || operation.getResponses() == null) {
        continue;
      }
      for (DeclaredAnswer answer : declaredAnswers(route)) {
        APIResponse response = operation.getResponses().getAPIResponse(answer.status());
        MediaType media =
            response == null || response.getContent() == null
                ? null
                : response.getContent().getMediaType(answer.mediaType());
        if (media != null) {
          media.setSchema(Schemas.of(answer.type()));
        }
      }
    }
    tidyAll(api);
  }

  /** A success or problem a method declares with {@code @APIResponse}, and the type it holds. */
  record DeclaredAnswer(String status, String mediaType, Class<?> type) {}

  private static List<DeclaredAnswer> declaredAnswers(Route route) {
    List<DeclaredAnswer> answers = new ArrayList<>();
    for (var declared :
        route
            .method()
            .getAnnotationsByType(
                org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class)) {
      for (var content : declared.content()) {
        Class<?> type = content.schema().implementation();
        if (type != Void.class && !content.mediaType().isEmpty()) {
          answers.add(new DeclaredAnswer(declared.responseCode(), content.mediaType(), type));
        }
      }
    }
    return answers;
  }

  private static void tidyAll(OpenAPI api) {
    if (api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().values().forEach(Schemas::tidy);
    }
    if (api.getComponents().getResponses() != null) {
      api.getComponents().getResponses().values().forEach(ContractDefaults::tidy);
    }
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : api.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        if (operation.getParameters() != null) {
          operation.getParameters().forEach(parameter -> Schemas.tidy(parameter.getSchema()));
        }
        if (operation.getRequestBody() != null) {
          tidy(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null
            && operation.getResponses().getAPIResponses() != null) {
          operation.getResponses().getAPIResponses().values().forEach(ContractDefaults::tidy);
        }
      }
    }
  }

  private static void tidy(APIResponse response) {
    tidy(response.getContent());
  }

  private static void tidy(Content content) {
    if (content != null && content.getMediaTypes() != null) {
      content.getMediaTypes().values().forEach(media -> Schemas.tidy(media.getSchema()));
    }
  }

  private static void describe(Operation operation, Route route) {
    if (operation.getTags() == null || operation.getTags().isEmpty()) {
      operation.addTag(feature(route));
    }
    Set<String> roles = route.roles();
    if (roles.isEmpty()) {
      // An empty requirement overrides the document's default: no token needed. (An empty list
      // would say the same, but Payara leaves empty lists out, and the default would apply.)
      operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
    } else {
      operation.setSecurity(
          new ArrayList<>(
              List.of(OASFactory.createSecurityRequirement().addScheme(BEARER, List.of()))));
    }
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    success(responses, route);
    boolean body = takesBody(route);
    if (body || takesParameters(route)) {
      problem(responses, "400", "BadRequest");
    }
    if (!roles.isEmpty()) {
      problem(responses, "401", "Unauthorized");
      if (!roles.contains(Roles.USER)) {
        problem(responses, "403", "Forbidden");
      }
    }
    if (route.hasPathVariables()) {
      problem(responses, "404", "NotFound");
    }
    if (body) {
      problem(responses, "413", "ContentTooLarge");
      problem(responses, "415", "UnsupportedMediaType");
    }
    problem(responses, "500", "InternalServerError");
    problem(responses, "503", "ServiceUnavailable");
  }

  /**
   * The success answer from the return type when the method did not declare one: its type (a page
   * naming its items) for each media type it produces, 204 for void. A method returning a {@link
   * Response} must declare its own, as nothing here can tell what it holds.
   */
  private static void success(APIResponses responses, Route route) {
    APIResponse scanned = responses.getAPIResponse(APIResponses.DEFAULT);
    boolean declared =
        responses.getAPIResponses() != null
            && responses.getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("2"));
    responses.removeAPIResponse(APIResponses.DEFAULT);
    if (declared) {
      return;
    }
    Class<?> type = route.method().getReturnType();
    if (route.produces().contains(jakarta.ws.rs.core.MediaType.SERVER_SENT_EVENTS)) {
      responses.addAPIResponse(
          "200",
          OASFactory.createAPIResponse()
              .description("A stream of server-sent events (see the operation's description)")
              .content(
                  OASFactory.createContent()
                      .addMediaType(
                          jakarta.ws.rs.core.MediaType.SERVER_SENT_EVENTS,
                          OASFactory.createMediaType()
                              .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)))));
      return;
    }
    if (type == void.class) {
      responses.addAPIResponse("204", OASFactory.createAPIResponse().description("No Content"));
      return;
    }
    if (type == Response.class) {
      return;
    }
    Schema schema = schemaOf(route.method().getGenericReturnType());
    Content content = OASFactory.createContent();
    for (String produced : route.produces().isEmpty() ? List.of("*/*") : route.produces()) {
      content.addMediaType(produced, OASFactory.createMediaType().schema(schema));
    }
    responses.addAPIResponse(
        "200", OASFactory.createAPIResponse().description("OK").content(content));
  }

  static Schema schemaOf(java.lang.reflect.Type type) {
    return Schemas.of(type);
  }

  /** {@code Page<T>}: the items of this page and the cursor of the next one (null on the last). */
  static Schema pageOf(java.lang.reflect.Type item) {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .addProperty(
            "items",
            OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(Schemas.of(item)))
        .addProperty(
            "nextCursor",
            OASFactory.createSchema()
                .type(Schema.SchemaType.STRING)
                .nullable(true)
                .description("Pass as `cursor` for the next page; null on the last page."))
        .addRequired("items");
  }

  /** The name Payara gives a class's schema: its {@code @Schema(name)}, else its simple name. */
  static String schemaName(Class<?> type) {
    var named = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    return named != null && !named.name().isEmpty() ? named.name() : type.getSimpleName();
  }

  /**
   * The body the route reads, under each media type it consumes: a JSON body's type, a form's
   * fields. Of two methods on one path and verb (a JSON and a multipart variant) Payara keeps one
   * operation, so each adds its own media types to it.
   */
  private static void requestBody(Operation operation, Route route) {
    Parameter entity = entity(route);
    boolean form =
        java.util.Arrays.stream(route.method().getParameters())
            .anyMatch(p -> p.isAnnotationPresent(FormParam.class));
    if (entity == null && !form) {
      return;
    }
    RequestBody body = operation.getRequestBody();
    if (body == null) {
      body = OASFactory.createRequestBody();
      operation.setRequestBody(body);
    }
    if (body.getContent() == null) {
      body.setContent(OASFactory.createContent());
    }
    for (String consumed : route.consumes().isEmpty() ? List.of("*/*") : route.consumes()) {
      MediaType existing = body.getContent().getMediaType(consumed);
      if (existing == null || existing.getSchema() == null) {
        body.getContent()
            .addMediaType(
                consumed,
                OASFactory.createMediaType()
                    .schema(form ? form(route) : schemaOf(entity.getParameterizedType())));
      }
    }
    if (entity != null
        && entity.isAnnotationPresent(jakarta.validation.constraints.NotNull.class)) {
      body.setRequired(true);
    }
  }

  /** The parameter that receives the body, or null. */
  private static Parameter entity(Route route) {
    for (Parameter parameter : route.method().getParameters()) {
      if (isEntity(parameter)) {
        return parameter;
      }
    }
    return null;
  }

  /**
   * Payara writes a path whose variable has a regular expression as declared ({@code {kind: a|b}}),
   * which is no OpenAPI template; here it is {@code {kind}}, as {@link Route} has it.
   */
  private static void withoutTemplateRegexes(OpenAPI api) {
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    for (String path : List.copyOf(api.getPaths().getPathItems().keySet())) {
      String plain = Route.withoutRegexes(path);
      if (!plain.equals(path)) {
        PathItem item = api.getPaths().getPathItem(path);
        api.getPaths().removePathItem(path);
        api.getPaths().addPathItem(plain, item);
      }
    }
  }

  /**
   * Payara adds a top-level {@code endpoints} list of its own to the document, which OpenAPI does
   * not allow; it leaves it out when empty. Reached by reflection: it is no part of the model's
   * API.
   */
  private static void withoutEndpointList(OpenAPI api) {
    try {
      if (api.getClass().getMethod("getEndpoints").invoke(api) instanceof Map<?, ?> endpoints) {
        endpoints.clear();
      }
    } catch (ReflectiveOperationException | UnsupportedOperationException notThere) {
      LOG.log(Level.FINE, "No endpoint list to remove from the OpenAPI document", notThere);
    }
  }

  /** The fields of a form ({@code @FormParam}s): pictures as binary, the rest as text. */
  static Schema form(Route route) {
    Schema form = OASFactory.createSchema().type(Schema.SchemaType.OBJECT);
    for (Parameter parameter : route.method().getParameters()) {
      FormParam field = parameter.getAnnotation(FormParam.class);
      if (field != null) {
        form.addProperty(
            field.value(),
            parameter.getType() == EntityPart.class
                ? OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary")
                : OASFactory.createSchema().type(Schema.SchemaType.STRING));
      }
    }
    return form;
  }

  private static void problem(APIResponses responses, String status, String name) {
    if (responses.getAPIResponse(status) == null) {
      responses.addAPIResponse(
          status, OASFactory.createAPIResponse().ref("#/components/responses/" + name));
    }
  }

  /** Whether the method reads a body: an entity parameter or form fields. */
  static boolean takesBody(Route route) {
    for (Parameter parameter : route.method().getParameters()) {
      if (parameter.isAnnotationPresent(FormParam.class) || isEntity(parameter)) {
        return true;
      }
    }
    return false;
  }

  private static boolean takesParameters(Route route) {
    for (Parameter parameter : route.method().getParameters()) {
      if (parameter.isAnnotationPresent(PathParam.class)
          || parameter.isAnnotationPresent(QueryParam.class)
          || parameter.isAnnotationPresent(HeaderParam.class)
          || parameter.isAnnotationPresent(BeanParam.class)) {
        return true;
      }
    }
    return route.hasPathVariables();
  }

  private static boolean isEntity(Parameter parameter) {
    for (Class<? extends Annotation> marker :
        List.of(
            PathParam.class,
            QueryParam.class,
            HeaderParam.class,
            CookieParam.class,
            MatrixParam.class,
            BeanParam.class,
            FormParam.class,
            Context.class,
            Suspended.class)) {
      if (parameter.isAnnotationPresent(marker)) {
        return false;
      }
    }
    return true;
  }

  /** {@code AvatarProjectsResource.create} gives {@code avatarProjectsCreate}. */
  static String operationId(Route route) {
    String owner = route.method().getDeclaringClass().getSimpleName().replaceFirst("Resource$", "");
    String name = route.method().getName();
    return Character.toLowerCase(owner.charAt(0))
        + owner.substring(1)
        + Character.toUpperCase(name.charAt(0))
        + name.substring(1);
  }

  private static String unique(Set<String> taken, String id) {
    String candidate = id;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = id + i;
    }
    return candidate;
  }

  /** The feature a route belongs to: the package under {@code com.lumiku} (platform's own part). */
  static String feature(Route route) {
    String[] parts = route.method().getDeclaringClass().getPackageName().split("\\.");
    String feature = parts.length > 2 ? parts[2] : parts[parts.length - 1];
    if ("platform".equals(feature) && parts.length > 3) {
      feature = parts[3];
    }
    return route.path().startsWith("/" + LumikuApi.PATH + "/admin/")
        ? "admin " + feature
        : feature.toLowerCase(Locale.ROOT);
  }

  /** The application's resource classes: its CDI beans that carry {@code @Path}. */
  private static Collection<Class<?>> resourceClasses() {
    Set<Class<?>> resources = new LinkedHashSet<>();
    for (Bean<?> bean :
        CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
      if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
        resources.add(bean.getBeanClass());
      }
    }
    return resources;
  }
}
