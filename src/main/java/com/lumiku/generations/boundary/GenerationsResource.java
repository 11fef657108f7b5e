package com.lumiku.generations.boundary;

import com.lumiku.generations.control.Cancellations;
import com.lumiku.generations.control.Generations;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The caller's generations, whatever app made them. */
@Path("generations")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class GenerationsResource {

  @Inject CurrentUser currentUser;
  @Inject Generations generations;
  @Inject Cancellations cancellations;
  @Inject LiveGenerations live;

  @GET
  @Path("{id}")
  public GenerationView generation(@PathParam("id") String id) {
    Generation generation =
        generations
            .findOwned(parseId(id), currentUser.id())
            .orElseThrow(() -> ProblemException.notFound("Generation " + id));
    return view(generation);
  }

  /**
   * Streams the generation's status and progress as server-sent events ({@code event:} the status,
   * {@code data:} the generation) until it ends, whichever instance does the work.
   */
  @GET
  @Path("{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
    Generation generation =
        generations
            .findOwned(parseId(id), currentUser.id())
            .orElseThrow(() -> ProblemException.notFound("Generation " + id));
    live.follow(generation, sink, sse);
  }

  /** Cancels a generation that has not started; it is refunded. 409 once it has started. */
  @POST
  @Path("{id}/cancel")
  public GenerationView cancel(@PathParam("id") String id) {
    return view(cancellations.cancel(parseId(id), currentUser.id()));
  }

  @GET
  public Page<GenerationView> list(
      @QueryParam("status") String status,
      @QueryParam("app") String app,
      @QueryParam("limit") String limitParameter,
      @QueryParam("cursor") String cursor) {
    int limit = PageSize.parse(limitParameter);
    Generations.GenerationFilter filter =
        new Generations.GenerationFilter(parseStatus(status), app);
    List<Generation> fetched =
        generations.list(currentUser.id(), filter, PageCursor.decode(cursor), limit + 1);
    Map<UUID, Long> positions = generations.queuePositions(fetched);
    return Page.of(
        fetched,
        limit,
        g -> GenerationView.of(g, positions.get(g.id())),
        g -> new PageCursor(g.createdAt(), g.id()));
  }

  private GenerationView view(Generation generation) {
    return GenerationView.current(generation, generations);
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
