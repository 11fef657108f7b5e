package com.lumiku.avatars.boundary;

import com.lumiku.avatars.control.AttributeFields;
import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.avatars.control.AvatarDraft;
import com.lumiku.avatars.control.AvatarGenerations;
import com.lumiku.avatars.control.AvatarProjects;
import com.lumiku.avatars.control.PersonaFields;
import com.lumiku.avatars.entity.Avatar;
import com.lumiku.avatars.entity.AvatarProject;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.generations.boundary.OrderAnswers;
import com.lumiku.platform.Roles;
import com.lumiku.platform.idempotency.IdempotentRequests;
import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageUrls;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/**
 * The Avatar Creator: projects, their avatars, and ordering a new avatar from a prompt, a persona
 * and visual attributes, or a preset.
 */
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

  /**
   * An avatar order: the order's own words, a persona and attributes, or a preset with overrides
   * (any mix; see {@link AvatarDraft}). Its rules are checked in one place, {@link
   * AvatarDraft#checked}, so one 400 names every broken field.
   */
  public record AvatarOrder(
      String prompt,
      String name,
      Integer width,
      Integer height,
      UUID presetId,
      PersonaFields persona,
      AttributeFields attributes) {}

  public record ProjectView(
      UUID id,
      String name,
      String description,
      OffsetDateTime createdAt,
      List<AvatarView> avatars) {}

  /**
   * An avatar; {@code prompt} is the model's prompt it was drawn from, {@code persona} and {@code
   * attributes} are left out when it has none, {@code presetId} while its preset exists.
   */
  public record AvatarView(
      UUID id,
      String name,
      String prompt,
      String imageUrl,
      String thumbnailUrl,
      int width,
      int height,
      UUID generationId,
      OffsetDateTime createdAt,
      Persona persona,
      AttributeFields attributes,
      String sourceType,
      UUID presetId) {}

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
   * Orders an avatar: charges, stores and queues it in one transaction (with a preset, counting its
   * use). With an {@code Idempotency-Key}, a retry of the same order returns the first answer and
   * charges nothing.
   */
  @POST
  @Path("{projectId}/avatars/generate")
  public Response generate(
      @PathParam("projectId") UUID projectId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull @Valid AvatarOrder order) {
    UUID userId = currentUser.id();
    AvatarDraft draft =
        AvatarDraft.checked(
            order.name(),
            order.prompt(),
            order.width(),
            order.height(),
            order.presetId(),
            order.persona(),
            order.attributes());
    boolean operator = currentUser.isAdmin();
    return idempotentRequests.once(
        userId,
        idempotencyKey,
        new IdempotentRequest(ORDER_ROUTE, projectId, draft),
        () -> answers.accepted(generations.order(userId, projectId, draft, operator), uriInfo));
  }

  private static final String ORDER_ROUTE =
      "POST /api/apps/" + AvatarCreator.ID + "/projects/avatars/generate";

  /**
   * What makes two orders the same order, for idempotency: the route, the project and every field
   * of the order as checked (a preset changed between two tries does not make them different).
   */
  public record IdempotentRequest(String route, UUID projectId, AvatarDraft order) {}

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
        avatar.createdAt(),
        avatar.persona().isEmpty() ? null : avatar.persona(),
        avatar.attributes().isEmpty() ? null : AttributeFields.of(avatar.attributes()),
        Choice.code(avatar.sourceType()),
        avatar.presetId());
  }
}
