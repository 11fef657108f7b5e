package com.lumiku.generations.boundary;

import com.lumiku.generations.control.Generations;
import com.lumiku.generations.control.PageCursor;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The caller's generations, whatever app made them. */
@Path("generations")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class GenerationsResource {

  static final int MAX_PAGE = 100;

  @Inject CurrentUser currentUser;
  @Inject Generations generations;

  public record Page(List<GenerationView> items, String nextCursor) {}

  @GET
  @Path("{id}")
  public GenerationView generation(@PathParam("id") String id) {
    Generation generation =
        generations
            .findOwned(parseId(id), currentUser.id())
            .orElseThrow(() -> ProblemException.notFound("Generation " + id));
    return view(generation);
  }

  @GET
  public Page list(
      @QueryParam("status") String status,
      @QueryParam("app") String app,
      @QueryParam("limit") @DefaultValue("20") int limit,
      @QueryParam("cursor") String cursor) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw ProblemException.badRequest("limit must be between 1 and " + MAX_PAGE + ".");
    }
    Generations.GenerationFilter filter =
        new Generations.GenerationFilter(parseStatus(status), app);
    List<Generation> page =
        generations.list(currentUser.id(), filter, PageCursor.decode(cursor), limit + 1);
    boolean more = page.size() > limit;
    List<Generation> shown = more ? page.subList(0, limit) : page;
    Generation last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
    return new Page(
        shown.stream().map(this::view).toList(),
        more ? new PageCursor(last.createdAt(), last.id()).encode() : null);
  }

  private GenerationView view(Generation generation) {
    Long position =
        generation.status() == GenerationStatus.PENDING
            ? generations.queuePosition(generation)
            : null;
    return GenerationView.of(generation, position);
  }

  private static GenerationStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return GenerationStatus.ofCode(status);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "status must be one of pending, processing, completed, failed, canceled.");
    }
  }

  /** Ids that are not UUIDs cannot name a generation: 404, like any other unknown id. */
  static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("Generation " + id);
    }
  }
}
