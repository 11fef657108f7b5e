package com.lumiku.generations.boundary;

import com.lumiku.generations.control.Cancellations;
import com.lumiku.generations.control.Generations;
import com.lumiku.generations.control.QueuePositions;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageUrls;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller's generations, whatever app made them. An id that is not a UUID names nothing: 404, as
 * the spec has it for a path parameter that cannot be converted.
 */
@Path("generations")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class GenerationsResource {

  @Inject CurrentUser currentUser;
  @Inject Generations generations;
  @Inject QueuePositions positions;
  @Inject Cancellations cancellations;
  @Inject LiveGenerations live;
  @Inject ImageUrls images;

  /** Where the API serves a generation: what an app's order answers in {@code Location}. */
  public static URI location(UriInfo uriInfo, UUID generationId) {
    return location(uriInfo.getBaseUri(), generationId);
  }

  /** The generation's address under the application's base address. */
  public static URI location(URI base, UUID generationId) {
    return UriBuilder.fromUri(base)
        .path(GenerationsResource.class)
        .path(GenerationsResource.class, "generation")
        .build(generationId);
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "One generation",
      description = "Its status, queue position while pending, progress, cost and result.")
  public GenerationView generation(@PathParam("id") UUID id) {
    return GenerationView.current(owned(id), positions, images);
  }

  /** The generation's jobs in order (one; a batch's parts), each with its outcome and result. */
  @GET
  @Path("{id}/jobs")
  @Operation(
      summary = "A generation's jobs",
      description = "In order (one; a batch has one per part), each with its outcome and result.")
  public List<JobView> jobs(@PathParam("id") UUID id) {
    return generations.jobs(owned(id).id()).stream()
        .map(job -> JobView.forOwner(job, images))
        .toList();
  }

  /**
   * Streams the generation's status and progress as server-sent events ({@code event:} the status,
   * {@code data:} the generation), preceded by a {@code job} event for each job that ends, until it
   * ends, whichever instance does the work.
   */
  @GET
  @Path("{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Follow a generation's progress",
      description =
          "Server-sent events until it ends: event = the status, data = the generation (JSON), preceded by a job event for each job that ends, whichever instance does the work.")
  public void events(@PathParam("id") UUID id, @Context SseEventSink sink, @Context Sse sse) {
    live.follow(owned(id), sink, sse);
  }

  /**
   * Streams all the caller's generations as server-sent events: the state of each unfinished one
   * when it connects, then every change of any of them ({@code event:} the status, {@code data:}
   * the generation) and every job that ends ({@code event: job}, {@code data:} the job with its
   * result). It stays open across generations; clients reconnect when it closes (after 15 minutes
   * at the latest).
   */
  @GET
  @Path("events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "Follow all the caller's generations",
      description =
          "Server-sent events: the state of each unfinished generation on connecting, then every change (event = the status, data = the generation) and every job that ends (event: job). Closes after 15 minutes at the latest; reconnect.")
  public void allEvents(@Context SseEventSink sink, @Context Sse sse) {
    live.followAll(currentUser.id(), sink, sse);
  }

  /** Cancels a generation that has not started; it is refunded. 409 once it has started. */
  @POST
  @Path("{id}/cancel")
  @Operation(
      summary = "Cancel a generation",
      description = "Only before it has started; it is refunded. 409 once it has started.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public GenerationView cancel(@PathParam("id") UUID id) {
    return GenerationView.current(cancellations.cancel(id, currentUser.id()), positions, images);
  }

  @GET
  @Operation(
      summary = "The caller's generations",
      description =
          "Newest first, of every app; filter by status and app. nextCursor fetches the next page.")
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
    Map<UUID, Long> queuePositions = positions.of(fetched);
    return Page.of(
        fetched,
        limit,
        g -> GenerationView.of(g, queuePositions.get(g.id()), images),
        g -> new PageCursor(g.createdAt(), g.id()));
  }

  private Generation owned(UUID id) {
    return generations
        .findOwned(id, currentUser.id())
        .orElseThrow(() -> ProblemException.notFound("Generation " + id));
  }

  private static GenerationStatus parseStatus(String status) {
    return Choice.parse(GenerationStatus.class, "status", status);
  }
}
