package com.lumiku.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes as the filter reads them from resource classes, and the records it describes. */
class RouteTest {

  @Path("/things/")
  @RolesAllowed("user")
  @Produces("application/json")
  public static class Things {

    @GET
    public String list() {
      return "";
    }

    @GET
    @Path("{id}/{kind: small|large}.png")
    @PermitAll
    @Produces("image/png")
    public byte[] picture(@PathParam("id") String id, @PathParam("kind") String kind) {
      return new byte[0];
    }

    @POST
    @Consumes("application/json")
    @RolesAllowed("admin")
    public Named create(Named body) {
      return body;
    }

    public void notARoute() {}
  }

  public record Named(@NotBlank @Size(max = 10) String name, List<Inner> parts) {}

  public record Inner(int size) {}

  @Test
  void routesJoinTheApplicationPathAndDropTemplateRegexes() {
    assertThat(Route.of("api", List.of(Things.class)))
        .extracting(route -> route.httpMethod() + " " + route.path())
        .containsExactly("GET /api/things", "POST /api/things", "GET /api/things/{id}/{kind}.png");
  }

  @Test
  void rolesMediaTypesAndVariablesComeFromTheMethodElseTheClass() {
    Map<String, Route> byMethod =
        Route.of("api", List.of(Things.class)).stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.method().getName(), r -> r));
    assertThat(byMethod.get("list").roles()).containsExactly("user");
    assertThat(byMethod.get("create").roles()).containsExactly("admin");
    assertThat(byMethod.get("picture").roles()).isEmpty();
    assertThat(byMethod.get("picture").produces()).containsExactly("image/png");
    assertThat(byMethod.get("list").produces()).containsExactly("application/json");
    assertThat(byMethod.get("create").consumes()).containsExactly("application/json");
    assertThat(byMethod.get("picture").hasPathVariables()).isTrue();
    assertThat(byMethod.get("list").hasPathVariables()).isFalse();
  }

  @Test
  void theRecordsARouteTakesAndGivesAreFoundThroughTheirComponents() {
    Route create =
        Route.of("api", List.of(Things.class)).stream()
            .filter(r -> r.method().getName().equals("create"))
            .findFirst()
            .orElseThrow();
    assertThat(Constraints.records(Constraints.typesOf(create))).containsOnlyKeys("Named", "Inner");
    var name = Named.class.getRecordComponents()[0];
    assertThat(Constraints.has(name, NotBlank.class)).isTrue();
    assertThat(Constraints.find(name, Size.class).max()).isEqualTo(10);
  }
}
