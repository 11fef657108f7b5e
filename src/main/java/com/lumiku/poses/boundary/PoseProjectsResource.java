package com.lumiku.poses.boundary;

import com.lumiku.generations.boundary.OrderAnswers;
import com.lumiku.generations.control.OrderIntake;
import com.lumiku.imaging.AcceptedImage;
import com.lumiku.imaging.PictureUploads;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.idempotency.IdempotentRequests;
import com.lumiku.platform.input.MultiLine;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageUrls;
import com.lumiku.poses.control.BatchOrder;
import com.lumiku.poses.control.PoseBatches;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.poses.control.PoseProjects;
import com.lumiku.poses.entity.PoseProject;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Pose Generator's projects: create one (posing one of the caller's avatars, or an uploaded
 * picture), list, rename, change its subject, delete; and order a batch of poses for it.
 */
@Path("apps/" + PoseGenerator.ID + "/projects")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoseProjectsResource {

  /** The one description of both forms of the request (JSON and multipart: one operation). */
  private static final String CREATE_DESCRIPTION =
      "application/json: a name, an optional description and optionally an Avatar Creator avatar (avatarId) as the subject to pose. multipart/form-data: name, description and image, an uploaded picture as the subject (checked and re-encoded like every upload).";

  private static final String ORDER_ROUTE =
      "POST /api/apps/" + PoseGenerator.ID + "/projects/{id}/generations";

  @Inject CurrentUser currentUser;
  @Inject PictureUploads uploads;
  @Inject PoseProjects projects;
  @Inject PoseBatches batches;
  @Inject OrderAnswers answers;
  @Inject IdempotentRequests idempotentRequests;
  @Inject OrderIntake intake;
  @Inject ImageUrls images;
  @Context UriInfo uriInfo;

  /** A new project, posing one of the caller's avatars ({@code avatarId}) or nobody yet. */
  @Schema(
      name = "PoseNewProject",
      example =
          "{\"name\":\"Lookbook\",\"description\":\"Poses for the new collection\",\"avatarId\":\"0b9e3f4c-6a51-4c1e-9d3a-2f7b8c1d5e60\"}")
  public record NewProject(
      @NotBlank @Size(max = 100) String name,
      @MultiLine @Size(max = 500) String description,
      UUID avatarId) {}

  /** Changes to a project; absent fields stay as they are, an empty description removes it. */
  @Schema(name = "PoseProjectChanges", example = "{\"name\":\"Lookbook, summer\"}")
  public record ProjectChanges(
      @Size(min = 1, max = 100) String name,
      @MultiLine @Size(max = 500) String description,
      UUID avatarId) {}

  /** A project: its name and the subject its batches pose. */
  @Schema(name = "PoseProjectView")
  public record ProjectView(
      UUID id,
      String name,
      String description,
      SubjectView subject,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** Who a project poses: a copy of an avatar ({@code avatarId} while it exists) or an upload. */
  public record SubjectView(
      String source, UUID avatarId, String name, String imageUrl, String thumbnailUrl) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a Pose Generator project", description = CREATE_DESCRIPTION)
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the project.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProjectView.class)))
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response create(@NotNull @Valid NewProject body) {
    return created(
        projects.create(currentUser.id(), body.name(), body.description(), body.avatarId()));
  }

  /**
   * A new project posing an uploaded picture: multipart {@code name}, {@code description}, {@code
   * image}.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Create a Pose Generator project", description = CREATE_DESCRIPTION)
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the project.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProjectView.class)))
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response createWithUpload(
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("image") EntityPart image) {
    AcceptedImage picture = uploads.accepted(currentUser.id(), image, PoseGenerator.THUMBNAIL_SIZE);
    return created(
        projects.createWithUpload(
            currentUser.id(), name, description, picture.png(), picture.thumbnailPng()));
  }

  @GET
  @Operation(
      summary = "The caller's Pose Generator projects",
      description = "Newest first; nextCursor fetches the next page.")
  public Page<ProjectView> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    int size = PageSize.parse(limit);
    return Page.of(
        projects.of(currentUser.id(), PageCursor.decode(cursor), size + 1),
        size,
        this::view,
        project -> new PageCursor(project.createdAt(), project.id()));
  }

  @GET
  @Path("{projectId}")
  @Operation(summary = "One Pose Generator project")
  public ProjectView project(@PathParam("projectId") UUID projectId) {
    return view(projects.owned(projectId, currentUser.id()));
  }

  @PATCH
  @Path("{projectId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename or describe a project, or change its subject avatar")
  public ProjectView change(
      @PathParam("projectId") UUID projectId, @NotNull @Valid ProjectChanges changes) {
    return view(
        projects.change(
            projectId,
            currentUser.id(),
            new PoseProjects.Changes(changes.name(), changes.description(), changes.avatarId())));
  }

  /** Poses an uploaded picture from now on: multipart {@code image}. */
  @PUT
  @Path("{projectId}/image")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Replace a project's subject picture",
      description = "Multipart image (PNG, JPEG or WebP, checked and re-encoded).")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public ProjectView upload(
      @PathParam("projectId") UUID projectId, @FormParam("image") EntityPart image) {
    UUID userId = currentUser.id();
    projects.owned(projectId, userId);
    AcceptedImage picture = uploads.accepted(userId, image, PoseGenerator.THUMBNAIL_SIZE);
    return view(projects.poseUpload(projectId, userId, picture.png(), picture.thumbnailPng()));
  }

  @DELETE
  @Path("{projectId}")
  @Operation(
      summary = "Delete a project",
      description =
          "With its results and their pictures; its batches no worker has started are canceled and refunded.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response delete(@PathParam("projectId") UUID projectId) {
    projects.delete(projectId, currentUser.id());
    return Response.noContent().build();
  }

  /**
   * Orders a batch of poses: charges, stores and queues it in one transaction. With an {@code
   * Idempotency-Key}, a retry of the same order returns the first answer and charges nothing.
   */
  @POST
  @Path("{projectId}/generations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Order a batch of poses",
      description =
          "Charges (or counts against the daily quota of a tier), stores and queues the batch in one transaction, one job per pose; workers draw them. Follow it at the Location. With an Idempotency-Key header, a retry of the same request returns the first answer and charges nothing; the same key with another request is a 409.")
  @APIResponse(
      responseCode = "202",
      description = "Accepted, charged and queued; Location names the generation.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = OrderAnswers.AcceptedOrder.class)))
  @APIResponse(responseCode = "402", ref = "PaymentRequired")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public CompletionStage<Response> order(
      @PathParam("projectId") UUID projectId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @NotNull BatchOrder order) {
    UUID userId = currentUser.id();
    URI base = uriInfo.getBaseUri();
    // Committed with the orders that arrive meanwhile (group commit); answered once committed.
    return intake.submit(
        userId,
        () ->
            idempotentRequests.once(
                userId,
                idempotencyKey,
                new IdempotentOrder(ORDER_ROUTE, projectId, order),
                () -> answers.accepted(batches.order(userId, projectId, order), base)));
  }

  /** What makes two orders the same order, for idempotency: route, project and body. */
  public record IdempotentOrder(String route, UUID projectId, BatchOrder order) {}

  private Response created(PoseProject project) {
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(PoseProjectsResource.class)
                .path(PoseProjectsResource.class, "project")
                .build(project.id()))
        .entity(view(project))
        .build();
  }

  /** The project for its owner, with URLs of its subject's pictures signed for this answer. */
  private ProjectView view(PoseProject project) {
    SubjectView subject =
        project.hasSubject()
            ? new SubjectView(
                project.subjectSource(),
                project.avatarId(),
                project.subjectName(),
                images.signed(project.subjectImage()),
                images.signed(project.subjectThumbnail()))
            : null;
    return new ProjectView(
        project.id(),
        project.name(),
        project.description(),
        subject,
        project.createdAt(),
        project.updatedAt());
  }
}
