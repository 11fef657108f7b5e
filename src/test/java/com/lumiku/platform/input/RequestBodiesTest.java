package com.lumiku.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every JSON body the API takes is read by {@link StrictJsonReader}: a route whose body type
 * StrictJson could not check would otherwise fall back to the server's lenient JSON-B reader.
 */
class RequestBodiesTest {

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

  @Test
  void everyJsonBodyOfTheApiIsReadStrictly() throws Exception {
    List<String> bodies = new ArrayList<>();
    StrictJsonReader reader = new StrictJsonReader();
    for (Class<?> resource : resources()) {
      for (Method method : resource.getDeclaredMethods()) {
        if (!isRoute(method) || !consumesJson(resource, method)) {
          continue;
        }
        for (Parameter parameter : method.getParameters()) {
          if (Arrays.stream(parameter.getAnnotations())
              .noneMatch(a -> NOT_THE_BODY.contains(a.annotationType()))) {
            bodies.add(resource.getSimpleName() + "." + method.getName());
            assertThat(
                    reader.isReadable(
                        parameter.getType(),
                        parameter.getParameterizedType(),
                        parameter.getAnnotations(),
                        MediaType.APPLICATION_JSON_TYPE))
                .as(
                    "%s.%s reads a %s",
                    resource.getSimpleName(), method.getName(), parameter.getParameterizedType())
                .isTrue();
          }
        }
      }
    }
    // The walk found the API's bodies (registration, orders, admin edits, ...), not nothing.
    assertThat(bodies).hasSizeGreaterThan(20).contains("AuthResource.register");
  }

  private static boolean isRoute(Method method) {
    return Arrays.stream(method.getAnnotations())
        .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
  }

  private static boolean consumesJson(Class<?> resource, Method method) {
    Consumes consumes = method.getAnnotation(Consumes.class);
    if (consumes == null) {
      consumes = resource.getAnnotation(Consumes.class);
    }
    // (Compared as text: MediaType.valueOf needs a JAX-RS implementation, which unit tests lack.)
    return consumes == null
        || Arrays.stream(consumes.value())
            .anyMatch(type -> type.equals(MediaType.APPLICATION_JSON) || type.endsWith("+json"));
  }

  /** The JAX-RS resources among the application's compiled classes (not its REST clients). */
  private static List<Class<?>> resources() throws IOException {
    Path classes =
        Path.of(StrictJson.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    List<Class<?>> resources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
          Class<?> type = Class.forName(name, false, StrictJson.class.getClassLoader());
          if (!type.isInterface() && type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
            resources.add(type);
          }
        } catch (ClassNotFoundException | LinkageError notLoadable) {
          // not a resource of ours
        }
      }
    }
    return resources;
  }
}
