package com.lumiku.avatars.boundary;

import com.lumiku.avatars.control.AttributeFields;
import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.avatars.control.AvatarDraft;
import com.lumiku.avatars.control.AvatarGenerations;
import com.lumiku.avatars.control.AvatarProjects;
import com.lumiku.avatars.control.AvatarUploads;
import com.lumiku.avatars.control.PersonaFields;
import com.lumiku.avatars.entity.Avatar;
import com.lumiku.avatars.entity.AvatarProject;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.generations.boundary.OrderAnswers;
import com.lumiku.generations.control.OrderIntake;
import com.lumiku.imaging.AcceptedImage;
import com.lumiku.imaging.PictureFiles;
import com.lumiku.imaging.PictureUploads;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.Sha256;
import com.lumiku.platform.idempotency.IdempotentRequests;
import com.lumiku.platform.input.MultiLine;
import com.lumiku.platform.input.StrictJson;
import com.lumiku.platform.problem.Choice;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.platform.storage.ImageUrls;
import com.lumiku.platform.storage.ImagesResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The Avatar Creator: projects and their avatars (list, read, rename, delete, download), ordering
 * an avatar drawn from a prompt, a persona and visual attributes, or a preset, and making one of an
 * uploaded photo.
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
  @Inject AvatarUploads uploads;
  @Inject PictureUploads pictures;
  @Inject ImageStore store;
  @Inject IdempotentRequests idempotentRequests;
  @Inject OrderIntake intake;
  @Inject ImageUrls images;
  @Context UriInfo uriInfo;

  @Schema(
      name = "AvatarNewProject",
      example = "{\"name\":\"Brand faces\",\"description\":\"Avatars for the spring campaign\"}")
  public record NewProject(
      @NotBlank @Size(max = 100) String name, @MultiLine @Size(max = 500) String description) {}

  /**
   * An avatar order: the order's own words, a persona and attributes, or a preset with overrides
   * (any mix; see {@link AvatarDraft}). Its rules are checked in one place, {@link
   * AvatarDraft#checked}, so one 400 names every broken field.
   */
  @Schema(
      example =
          "{\"name\":\"Dewi\",\"prompt\":\"friendly barista in a sunny cafe\",\"width\":512,\"height\":512,\"persona\":{\"name\":\"Dewi\",\"age\":28,\"personalityTraits\":[\"warm\",\"curious\"]},\"attributes\":{\"gender\":\"female\",\"ageRange\":\"adult\",\"style\":\"casual\"}}")
  public record AvatarOrder(
      @MultiLine String prompt,
      String name,
      Integer width,
      Integer height,
      UUID presetId,
      PersonaFields persona,
      AttributeFields attributes) {}

  /** A change of a project: what is given changes, what is null stays. */
  @Schema(name = "AvatarProjectChanges", example = "{\"name\":\"Brand faces 2027\"}")
  public record ProjectChanges(
      @Size(min = 1, max = 100) String name, @MultiLine @Size(max = 500) String description) {}

  /** A change of an avatar: its name. */
  @Schema(example = "{\"name\":\"Dewi, smiling\"}")
  public record AvatarChanges(@NotBlank @Size(max = 100) String name) {}

  /**
   * A project; in a single project's view, {@code avatars} holds the newest page of its avatars
   * ({@code avatarsNextCursor} continues at {@code GET /projects/{id}/avatars}).
   */
  @Schema(name = "AvatarProjectView")
  public record ProjectView(
      UUID id,
      String name,
      String description,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      List<AvatarView> avatars,
      String avatarsNextCursor) {}

  /** An avatar made of an upload, what it cost and the balance left. */
  public record UploadView(AvatarView avatar, long creditUsed, long creditBalance) {}

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
      int usageCount,
      OffsetDateTime lastUsedAt,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      Persona persona,
      AttributeFields attributes,
      String sourceType,
      UUID presetId) {}

  @POST
  @Operation(summary = "Create an Avatar Creator project")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the project.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProjectView.class)))
  public Response create(@NotNull @Valid NewProject body) {
    AvatarProject project = projects.create(currentUser.id(), body.name(), body.description());
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(AvatarProjectsResource.class)
                .path(AvatarProjectsResource.class, "project")
                .build(project.id()))
        .entity(view(project, new Page<>(List.of(), null)))
        .build();
  }

  @GET
  @Operation(
      summary = "The caller's Avatar Creator projects",
      description = "Newest first, each with its first avatars.")
  public List<ProjectView> list() {
    return projects.of(currentUser.id()).stream().map(p -> view(p, null)).toList();
  }

  @GET
  @Path("{projectId}")
  @Operation(
      summary = "One Avatar Creator project",
      description = "With the first page of its avatars.")
  public ProjectView project(@PathParam("projectId") UUID projectId) {
    AvatarProject project = projects.owned(projectId, currentUser.id());
    return view(project, avatarPage(project.id(), null, null));
  }

  @PATCH
  @Path("{projectId}")
  @Operation(summary = "Rename or describe a project")
  public ProjectView change(
      @PathParam("projectId") UUID projectId, @NotNull @Valid ProjectChanges changes) {
    AvatarProject project =
        projects.change(projectId, currentUser.id(), changes.name(), changes.description());
    return view(project, avatarPage(project.id(), null, null));
  }

  /**
   * Deletes the project, its avatars and their pictures; its orders no worker has started are
   * canceled and refunded (the generations stay in the history).
   */
  @DELETE
  @Path("{projectId}")
  @Operation(
      summary = "Delete a project",
      description =
          "With its avatars and their pictures; its orders no worker has started are canceled and refunded, the ones being drawn fail and are refunded (the generations stay in the history).")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response delete(@PathParam("projectId") UUID projectId) {
    projects.delete(projectId, currentUser.id());
    return Response.noContent().build();
  }

  /** The project's avatars, newest first, a page at a time. */
  @GET
  @Path("{projectId}/avatars")
  @Operation(
      summary = "A project's avatars",
      description = "Newest first; nextCursor fetches the next page.")
  public Page<AvatarView> avatars(
      @PathParam("projectId") UUID projectId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    AvatarProject project = projects.owned(projectId, currentUser.id());
    return avatarPage(project.id(), limit, cursor);
  }

  @GET
  @Path("{projectId}/avatars/{avatarId}")
  @Operation(summary = "One avatar")
  public AvatarView avatar(
      @PathParam("projectId") UUID projectId, @PathParam("avatarId") UUID avatarId) {
    return view(projects.avatar(projectId, avatarId, currentUser.id()));
  }

  @PATCH
  @Path("{projectId}/avatars/{avatarId}")
  @Operation(summary = "Rename an avatar or change its persona and attributes")
  public AvatarView changeAvatar(
      @PathParam("projectId") UUID projectId,
      @PathParam("avatarId") UUID avatarId,
      @NotNull @Valid AvatarChanges changes) {
    return view(projects.rename(projectId, avatarId, currentUser.id(), changes.name()));
  }

  /** Deletes the avatar and its pictures (its image URLs stop working) and its usage history. */
  @DELETE
  @Path("{projectId}/avatars/{avatarId}")
  @Operation(
      summary = "Delete an avatar",
      description = "With its pictures (their image URLs stop working) and its usage history.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response deleteAvatar(
      @PathParam("projectId") UUID projectId, @PathParam("avatarId") UUID avatarId) {
    projects.deleteAvatar(projectId, avatarId, currentUser.id());
    return Response.noContent().build();
  }

  /** The avatar's picture as a file in {@code format} ({@code png}, the default, jpeg or webp). */
  @GET
  @Path("{projectId}/avatars/{avatarId}/download")
  @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Download an avatar's picture",
      description = "As a file in format (png, the default, jpeg or webp), named after the avatar.")
  @APIResponse(
      responseCode = "200",
      description = "The picture, as an attachment.",
      content = {
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/webp",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response download(
      @PathParam("projectId") UUID projectId,
      @PathParam("avatarId") UUID avatarId,
      @QueryParam("format") String formatCode) {
    var format = PictureFiles.format(formatCode);
    Avatar avatar = projects.avatar(projectId, avatarId, currentUser.id());
    return PictureFiles.download(store, avatar.imagePath(), format, "avatar-" + avatar.id());
  }

  /**
   * Makes an avatar of an uploaded photo: multipart {@code image} (PNG, JPEG or WebP, checked and
   * re-encoded before anything is charged), {@code name}, and optionally {@code persona} and {@code
   * attributes}, each a JSON object as in an order. Charged {@code cost.upload} in the transaction
   * that stores it; 201 with the avatar. With an {@code Idempotency-Key}, a retry of the same
   * upload returns the first answer and charges nothing.
   */
  @POST
  @Path("{projectId}/avatars/upload")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Upload a photo as an avatar",
      description =
          "Multipart: image (PNG, JPEG or WebP, checked and re-encoded upright without metadata before anything is charged), name, and optionally persona and attributes, each a JSON object as in an order. Charged the app's upload price in the transaction that stores it. With an Idempotency-Key header, a retry of the same request returns the first answer and charges nothing; the same key with another request is a 409.")
  @APIResponse(
      responseCode = "201",
      description = "Stored and charged; Location names the avatar.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UploadView.class)))
  @APIResponse(responseCode = "402", ref = "PaymentRequired")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response upload(
      @PathParam("projectId") UUID projectId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @FormParam("name") String name,
      @FormParam("persona") String persona,
      @FormParam("attributes") String attributes,
      @FormParam("image") EntityPart image) {
    UUID userId = currentUser.id();
    projects.owned(projectId, userId);
    AvatarDraft.Resolved who =
        AvatarDraft.forUpload(
            name,
            jsonPart("persona", persona, PersonaFields.class),
            jsonPart("attributes", attributes, AttributeFields.class));
    AcceptedImage picture = pictures.accepted(userId, image, AvatarCreator.THUMBNAIL_SIZE);
    // The answer is kept for replays with unsigned picture paths and signed as it leaves, so a
    // replay an hour later still hands out working URLs.
    Response answer =
        idempotentRequests.once(
            userId,
            idempotencyKey,
            new IdempotentUpload(UPLOAD_ROUTE, projectId, who, sha256(picture.png())),
            () -> {
              AvatarUploads.Uploaded uploaded =
                  uploads.upload(userId, projectId, who, picture, picture.thumbnailPng());
              return Response.created(
                      uriInfo
                          .getBaseUriBuilder()
                          .path(AvatarProjectsResource.class)
                          .path(AvatarProjectsResource.class, "avatar")
                          .build(projectId, uploaded.avatar().id()))
                  .entity(
                      new UploadView(
                          view(uploaded.avatar(), ImagesResource::url),
                          uploaded.creditUsed(),
                          uploaded.creditBalance()))
                  .build();
            });
    Object body = answer.getEntity();
    JsonObject kept =
        JsonDocuments.parseObject(body instanceof String json ? json : JsonDocuments.toJson(body));
    return Response.fromResponse(answer).entity(images.signAll(kept)).build();
  }

  /** A multipart field holding a JSON object; null when absent or blank. */
  private static <T> T jsonPart(String field, String json, Class<T> type) {
    if (json == null || json.isBlank()) {
      return null;
    }
    return StrictJson.read(json, type, field);
  }

  private static final String UPLOAD_ROUTE =
      "POST /api/apps/" + AvatarCreator.ID + "/projects/avatars/upload";

  /** What makes two uploads the same upload: the project, who it shows and the picture's pixels. */
  public record IdempotentUpload(
      String route, UUID projectId, AvatarDraft.Resolved avatar, String pictureSha256) {}

  private static String sha256(byte[] content) {
    return HexFormat.of().formatHex(Sha256.of(content));
  }

  private Page<AvatarView> avatarPage(UUID projectId, String limit, String cursor) {
    int size = PageSize.parse(limit);
    return Page.of(
        projects.avatars(projectId, PageCursor.decode(cursor), size + 1),
        size,
        this::view,
        avatar -> new PageCursor(avatar.createdAt(), avatar.id()));
  }

  /**
   * Orders an avatar: charges, stores and queues it in one transaction (with a preset, counting its
   * use). With an {@code Idempotency-Key}, a retry of the same order returns the first answer and
   * charges nothing.
   */
  @POST
  @Path("{projectId}/avatars/generate")
  @Operation(
      summary = "Order an avatar",
      description =
          "Charges, stores and queues the order in one transaction (with a preset, counting its use); a worker draws it. Follow it at the Location (or its events). With an Idempotency-Key header, a retry of the same request returns the first answer and charges nothing; the same key with another request is a 409.")
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
  public CompletionStage<Response> generate(
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
    URI base = uriInfo.getBaseUri();
    // Committed with the orders that arrive meanwhile (group commit); answered once committed.
    return intake.submit(
        userId,
        () ->
            idempotentRequests.once(
                userId,
                idempotencyKey,
                new IdempotentRequest(ORDER_ROUTE, projectId, draft),
                () ->
                    answers.accepted(generations.order(userId, projectId, draft, operator), base)));
  }

  private static final String ORDER_ROUTE =
      "POST /api/apps/" + AvatarCreator.ID + "/projects/avatars/generate";

  /**
   * What makes two orders the same order, for idempotency: the route, the project and every field
   * of the order as checked (a preset changed between two tries does not make them different).
   */
  public record IdempotentRequest(String route, UUID projectId, AvatarDraft order) {}

  private static ProjectView view(AvatarProject project, Page<AvatarView> avatars) {
    return new ProjectView(
        project.id(),
        project.name(),
        project.description(),
        project.createdAt(),
        project.updatedAt(),
        avatars == null ? null : avatars.items(),
        avatars == null ? null : avatars.nextCursor());
  }

  /** The avatar for its owner, with URLs of its pictures signed for this answer. */
  private AvatarView view(Avatar avatar) {
    return view(avatar, images::signed);
  }

  /** The avatar with the URLs {@code link} makes of its pictures' names. */
  private static AvatarView view(Avatar avatar, UnaryOperator<String> link) {
    return new AvatarView(
        avatar.id(),
        avatar.name(),
        avatar.prompt(),
        link.apply(avatar.imagePath()),
        link.apply(avatar.thumbnailPath()),
        avatar.width(),
        avatar.height(),
        avatar.generationId(),
        avatar.usageCount(),
        avatar.lastUsedAt(),
        avatar.createdAt(),
        avatar.updatedAt(),
        avatar.persona().isEmpty() ? null : avatar.persona(),
        avatar.attributes().isEmpty() ? null : AttributeFields.of(avatar.attributes()),
        Choice.code(avatar.sourceType()),
        avatar.presetId());
  }
}
