package com.lumiku.testing;

import com.lumiku.platform.LumikuApi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every route of the API as its compiled resources declare it (method, path template, media types,
 * parameters, body type), for tests that must cover all of them and keep doing so as routes are
 * added.
 */
public final class Routes {

  private static final Set<Class<? extends Annotation>> NOT_THE_BODY =
      Set.of(
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          FormParam.class,
          CookieParam.class,
          MatrixParam.class,
          BeanParam.class,
          Context.class);

  private Routes() {}

  /**
   * One route.
   *
   * @param path the template under the context root, e.g. {@code /api/generations/{id}}
   * @param consumes the media types it takes (empty: any)
   * @param body the generic type of its body, or null if it reads none
   */
  public record Route(
      Class<?> resource,
      String method,
      String path,
      List<String> consumes,
      List<String> produces,
      List<String> pathParameters,
      List<String> queryParameters,
      List<String> formParameters,
      Type body) {

    public boolean consumesJson() {
      return consumes.isEmpty()
          || consumes.stream().anyMatch(t -> t.equals("application/json") || t.endsWith("+json"));
    }

    public boolean consumesOnly(String mediaType) {
      return consumes.equals(List.of(mediaType));
    }

    public boolean isAdmin() {
      return path.startsWith("/api/admin/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The API's routes, sorted by path and method. */
  public static List<Route> all() {
    List<Route> routes = new ArrayList<>();
    for (Class<?> resource : resources()) {
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb != null) {
          routes.add(route(resource, method, verb));
        }
      }
    }
    routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
    return routes;
  }

  private static Route route(Class<?> resource, Method method, String verb) {
    String path = "/" + LumikuApi.PATH + "/" + template(resource.getAnnotation(Path.class));
    Path own = method.getAnnotation(Path.class);
    if (own != null) {
      path = path + "/" + template(own);
    }
    List<String> pathParameters = new ArrayList<>();
    List<String> queryParameters = new ArrayList<>();
    List<String> formParameters = new ArrayList<>();
    Type body = null;
    for (Parameter parameter : method.getParameters()) {
      if (parameter.getAnnotation(PathParam.class) != null) {
        pathParameters.add(parameter.getAnnotation(PathParam.class).value());
      } else if (parameter.getAnnotation(QueryParam.class) != null) {
        queryParameters.add(parameter.getAnnotation(QueryParam.class).value());
      } else if (parameter.getAnnotation(FormParam.class) != null) {
        formParameters.add(parameter.getAnnotation(FormParam.class).value());
      } else if (Arrays.stream(parameter.getAnnotations())
          .noneMatch(a -> NOT_THE_BODY.contains(a.annotationType()))) {
        body = parameter.getParameterizedType();
      }
    }
    return new Route(
        resource,
        verb,
        path.replaceAll("/+", "/").replaceAll("/$", ""),
        mediaTypes(method.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class)),
        mediaTypes(
            method.getAnnotation(jakarta.ws.rs.Produces.class),
            resource.getAnnotation(jakarta.ws.rs.Produces.class)),
        pathParameters,
        queryParameters,
        formParameters,
        body);
  }

  /** A template with any regular expression of its parameters left out: {kind: a|b} is {kind}. */
  private static String template(Path path) {
    return path.value().replaceAll("\\{\\s*([\\w-]+)\\s*:[^}]*}", "{$1}");
  }

  private static List<String> mediaTypes(Annotation own, Annotation inherited) {
    Annotation chosen = own != null ? own : inherited;
    if (chosen == null) {
      return List.of();
    }
    String[] values =
        chosen instanceof Consumes consumes
            ? consumes.value()
            : ((jakarta.ws.rs.Produces) chosen).value();
    return Arrays.stream(values)
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .toList();
  }

  private static String verb(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** The JAX-RS resources among the application's compiled classes (not its REST clients). */
  private static List<Class<?>> resources() {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            LumikuApi.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<Class<?>> resources = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          Class<?> type = Class.forName(name, false, LumikuApi.class.getClassLoader());
          if (!type.isInterface() && type.isAnnotationPresent(Path.class)) {
            resources.add(type);
          }
        } catch (ClassNotFoundException | LinkageError notLoadable) {
          // not one of the application's resources
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resources;
  }
}
