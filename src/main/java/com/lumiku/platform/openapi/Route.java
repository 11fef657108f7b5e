package com.lumiku.platform.openapi;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route of the API as its resource class declares it: the HTTP method, the path as OpenAPI
 * writes it (under the application path, with template variables stripped of their regular
 * expressions) and the Java method that serves it. Read from the annotations themselves, so the
 * contract's defaults ({@link ContractDefaults}) and its completeness test follow the code.
 */
public record Route(String httpMethod, String path, Method method) {

  private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");

  /** Every route of these resource classes under the application path, ordered by path. */
  public static List<Route> of(String applicationPath, Iterable<Class<?>> resources) {
    List<Route> routes = new ArrayList<>();
    for (Class<?> resource : resources) {
      Path classPath = resource.getAnnotation(Path.class);
      if (classPath == null || resource.isInterface()) {
        continue;
      }
      for (Method method : resource.getMethods()) {
        String verb = httpMethod(method);
        if (verb == null || Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        Path methodPath = method.getAnnotation(Path.class);
        routes.add(
            new Route(
                verb,
                join(
                    applicationPath,
                    classPath.value(),
                    methodPath == null ? "" : methodPath.value()),
                method));
      }
    }
    routes.sort(Comparator.comparing(Route::path).thenComparing(Route::httpMethod));
    return routes;
  }

  /** The application path of a JAX-RS application class ({@code @ApplicationPath}). */
  public static String applicationPath(Class<?> application) {
    return application.getAnnotation(ApplicationPath.class).value();
  }

  /**
   * The roles that may call this route ({@code @RolesAllowed} of the method, else of its class);
   * empty when anyone may ({@code @PermitAll}, or no rule at all).
   */
  public Set<String> roles() {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return Set.of();
    }
    RolesAllowed rule =
        Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
            .orElse(
                method.getDeclaringClass().isAnnotationPresent(PermitAll.class)
                    ? null
                    : method.getDeclaringClass().getAnnotation(RolesAllowed.class));
    return rule == null ? Set.of() : Set.of(rule.value());
  }

  /** The media types the route answers in ({@code @Produces} of the method, else of its class). */
  public List<String> produces() {
    Produces produces =
        Optional.ofNullable(method.getAnnotation(Produces.class))
            .orElse(method.getDeclaringClass().getAnnotation(Produces.class));
    return produces == null ? List.of() : Arrays.asList(produces.value());
  }

  /** The media types the route reads ({@code @Consumes} of the method, else of its class). */
  public List<String> consumes() {
    Consumes consumes =
        Optional.ofNullable(method.getAnnotation(Consumes.class))
            .orElse(method.getDeclaringClass().getAnnotation(Consumes.class));
    return consumes == null ? List.of() : Arrays.asList(consumes.value());
  }

  /** Whether the path names a resource by a variable (so the resource may not exist). */
  public boolean hasPathVariables() {
    return path.contains("{");
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  private static String join(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      String trimmed = segment.replaceAll("^/+|/+$", "");
      if (!trimmed.isEmpty()) {
        path.append('/').append(trimmed);
      }
    }
    return withoutRegexes(path.length() == 0 ? "/" : path.toString());
  }

  /** A path template with its variables' regular expressions left out: {kind: a|b} is {kind}. */
  static String withoutRegexes(String template) {
    return TEMPLATE_REGEX.matcher(template).replaceAll("{$1}");
  }
}
