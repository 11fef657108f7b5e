package com.lumiku.probe;

import com.lumiku.generations.boundary.OrderAnswers;
import com.lumiku.generations.control.GenerationRequests;
import com.lumiku.generations.control.OrderIntake;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.Roles;
import com.lumiku.platform.idempotency.IdempotentRequests;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Orders probe runs, one or a batch: charged, stored and queued in one transaction like any app's
 * order.
 */
@Path("apps/" + ProbeApp.ID)
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

  @Inject CurrentUser currentUser;
  @Inject GenerationRequests requests;
  @Inject OrderAnswers answers;
  @Inject OrderIntake intake;
  @Inject IdempotentRequests idempotentRequests;
  @Context UriInfo uriInfo;

  @POST
  @Path("runs")
  @Transactional
  public Response run(@NotNull ProbeOrder order) {
    return answers.accepted(
        requests.submit(
            new GenerationRequests.Order(
                currentUser.id(),
                ProbeApp.ID,
                ProbeApp.JOB_TYPE,
                "{}",
                "Probe " + order.label(),
                List.of(new GenerationRequests.Part(order.toJson(), List.of(ProbeApp.RUN))))),
        uriInfo);
  }

  /**
   * Orders one run of the quick type through the group commit, as the apps' single orders go: runs
   * ordered together share a transaction, and their jobs travel as bundles.
   */
  @POST
  @Path("quick-runs")
  public CompletionStage<Response> quickRun(
      @HeaderParam("Idempotency-Key") String idempotencyKey, @NotNull ProbeOrder order) {
    UUID userId = currentUser.id();
    URI base = uriInfo.getBaseUri();
    return intake.submit(
        userId,
        () ->
            idempotentRequests.once(
                userId,
                idempotencyKey,
                new IdempotentRun("quick-runs", order),
                () ->
                    answers.accepted(
                        requests.submit(
                            new GenerationRequests.Order(
                                userId,
                                ProbeApp.ID,
                                ProbeApp.QUICK_JOB_TYPE,
                                "{}",
                                "Probe " + order.label(),
                                List.of(
                                    new GenerationRequests.Part(
                                        order.toJson(), List.of(ProbeApp.RUN))))),
                        base)));
  }

  /** What makes two quick runs the same order, for idempotency. */
  public record IdempotentRun(String route, ProbeOrder order) {}

  @POST
  @Path("batches")
  @Transactional
  public Response batch(@NotNull ProbeBatch batch) {
    List<GenerationRequests.Part> parts =
        batch.parts().stream()
            .map(part -> new GenerationRequests.Part(part.toJson(), List.of(ProbeApp.RUN)))
            .toList();
    return answers.accepted(
        requests.submit(
            new GenerationRequests.Order(
                currentUser.id(),
                ProbeApp.ID,
                batch.quick() ? ProbeApp.QUICK_JOB_TYPE : ProbeApp.JOB_TYPE,
                JsonDocuments.toJson(Map.of("label", batch.label())),
                "Probe batch " + batch.label(),
                parts)),
        uriInfo);
  }
}
