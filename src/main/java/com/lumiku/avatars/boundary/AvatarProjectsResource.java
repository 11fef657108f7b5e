package com.lumiku.avatars.boundary;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.avatars.control.AvatarGenerations;
import com.lumiku.avatars.control.AvatarProjects;
import com.lumiku.avatars.control.AvatarPrompt;
import com.lumiku.avatars.entity.Avatar;
import com.lumiku.avatars.entity.AvatarProject;
import com.lumiku.generations.boundary.OrderAnswers;
import com.lumiku.platform.Roles;
import com.lumiku.platform.idempotency.IdempotentRequests;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageUrls;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The Avatar Creator: projects, their avatars, and ordering a new avatar from a prompt. */
@Path("apps/" + AvatarCreator.ID + "/projects")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AvatarProjectsResource {

  @Inject CurrentUser currentUser;
  @Inject AvatarProjects projects;
  @Inject AvatarGenerations generations;
  @Inject OrderAnswers answers;
  @Inject IdempotentRequests idempotentRequests;
  @Inject ImageUrls images;
  @Context UriInfo uriInfo;

  public record NewProject(
      @NotBlank @Size(max = 100) String name, @Size(max = 500) String description) {}

  public record AvatarOrder(
      @NotBlank @Size(max = 1000) String prompt,
      @NotBlank @Size(max = 100) String name,
      @Min(256) @Max(1024) Integer width,
      @Min(256) @Max(1024) Integer height) {}

  public record ProjectView(
      UUID id,
      String name,
      String description,
      OffsetDateTime createdAt,
      List<AvatarView> avatars) {}

  public record AvatarView(
      UUID id,
      String name,
      String prompt,
      String imageUrl,
      String thumbnailUrl,
      int width,
      int height,
      UUID generationId,
      OffsetDateTime createdAt) {}

  @POST
  public Response create(@NotNull @Valid NewProject body) {
    AvatarProject project = projects.create(currentUser.id(), body.name(), body.description());
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(AvatarProjectsResource.class)
                .path(AvatarProjectsResource.class, "project")
                .build(project.id()))
        .entity(view(project, List.of()))
        .build();
  }

  @GET
  public List<ProjectView> list() {
    return projects.of(currentUser.id()).stream().map(p -> view(p, null)).toList();
  }

  @GET
  @Path("{projectId}")
  public ProjectView project(@PathParam("projectId") UUID projectId) {
    AvatarProject project = projects.owned(projectId, currentUser.id());
    return view(project, projects.avatars(project.id()).stream().map(this::view).toList());
  }

  /**
   * Orders an avatar: charges, stores and queues it in one transaction. With an {@code
   * Idempotency-Key}, a retry of the same order returns the first answer and charges nothing.
   */
  @POST
  @Path("{projectId}/avatars/generate")
  public Response generate(
      @PathParam("projectId") UUID projectId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid AvatarOrder order) {
    UUID userId = currentUser.id();
    AvatarPrompt prompt =
        new AvatarPrompt(
            projectId,
            order.name().strip(),
            order.prompt().strip(),
            order.width() == null ? 512 : order.width(),
            order.height() == null ? 512 : order.height());
    return idempotentRequests.once(
        userId,
        idempotencyKey,
        new IdempotentRequest(ORDER_ROUTE, prompt),
        () -> answers.accepted(generations.fromPrompt(userId, prompt), uriInfo));
  }

  private static final String ORDER_ROUTE =
      "POST /api/apps/" + AvatarCreator.ID + "/projects/avatars/generate";

  /** What makes two orders the same order, for idempotency: the route and the prompt. */
  public record IdempotentRequest(String route, AvatarPrompt prompt) {}

  private static ProjectView view(AvatarProject project, List<AvatarView> avatars) {
    return new ProjectView(
        project.id(), project.name(), project.description(), project.createdAt(), avatars);
  }

  /** The avatar for its owner, with URLs of its pictures signed for this answer. */
  private AvatarView view(Avatar avatar) {
    return new AvatarView(
        avatar.id(),
        avatar.name(),
        avatar.prompt(),
        images.signed(avatar.imagePath()),
        images.signed(avatar.thumbnailPath()),
        avatar.width(),
        avatar.height(),
        avatar.generationId(),
        avatar.createdAt());
  }
}
