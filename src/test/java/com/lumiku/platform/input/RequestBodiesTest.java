package com.lumiku.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.Routes;
import com.lumiku.testing.Routes.Route;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every JSON body the API takes is read by {@link StrictJsonReader}: a route whose body type
 * StrictJson could not check would otherwise fall back to the server's lenient JSON-B reader.
 */
class RequestBodiesTest {

  @Test
  void everyJsonBodyOfTheApiIsReadStrictly() {
    List<Route> bodies =
        Routes.all().stream().filter(r -> r.body() != null && r.consumesJson()).toList();
    for (Route route : bodies) {
      assertThat(StrictJsonReader.readable(raw(route.body()), route.body()))
          .as("%s reads a %s", route, route.body())
          .isTrue();
    }
    // The walk found the API's bodies (registration, orders, admin edits, ...), not nothing.
    assertThat(bodies)
        .hasSizeGreaterThan(20)
        .extracting(Route::toString)
        .contains("POST /api/auth/register");
  }

  private static Class<?> raw(Type type) {
    return type instanceof ParameterizedType generic
        ? (Class<?>) generic.getRawType()
        : (Class<?>) type;
  }
}
