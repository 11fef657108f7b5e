package com.lumiku.generations.boundary;

import com.lumiku.generations.control.Generations;
import com.lumiku.generations.control.QueuePositions;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationError;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.storage.ImageUrls;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Any user's generation, for operators answering "what happened to my order?": everything its owner
 * sees, plus whose it is, who ended it, the internal detail of its failure (exception text, the
 * model provider's answer), which users never see, and each of its jobs.
 */
@Path("admin/generations")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class GenerationsAdminResource {

  @Inject Generations generations;
  @Inject QueuePositions positions;
  @Inject ImageUrls images;

  @JsonbPropertyOrder({"userId", "endedBy", "errorDetail", "generation", "jobs"})
  public record AdminView(
      UUID userId,
      String endedBy,
      String errorDetail,
      GenerationView generation,
      List<JobView> jobs) {}

  @GET
  @Path("{id}")
  @Operation(
      summary = "One generation, for operators",
      description =
          "Any owner; with the failure detail (the exception, the provider answer) and its jobs.")
  public AdminView generation(@PathParam("id") UUID id) {
    Generation generation =
        generations.find(id).orElseThrow(() -> ProblemException.notFound("Generation " + id));
    GenerationError error = generation.error();
    return new AdminView(
        generation.userId(),
        generation.endedBy() == null ? null : generation.endedBy().code(),
        error == null ? null : error.detail(),
        GenerationView.current(generation, positions, images),
        generations.jobs(id).stream().map(job -> JobView.forOperators(job, images)).toList());
  }
}
