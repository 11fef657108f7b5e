package com.lumiku.poses.boundary;

import com.lumiku.imaging.AcceptedImage;
import com.lumiku.imaging.PictureUploads;
import com.lumiku.platform.Page;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.ratelimit.RateLimits;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageUrls;
import com.lumiku.poses.boundary.PoseLibraryResource.CategoryRef;
import com.lumiku.poses.control.NewPoseRequest;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.poses.control.PoseRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Pose requests: users ask for a pose the library lacks (with a reference picture if they like),
 * list and read everyone's requests, and vote for them. Operators' notes never appear here, not
 * even to the requester; operators read and decide requests under {@link
 * PoseRequestsAdminResource}.
 */
@Path("apps/" + PoseGenerator.ID + "/requests")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoseRequestsResource {

  /** The one description of both forms of the request (JSON and multipart: one operation). */
  private static final String CREATE_DESCRIPTION =
      "Someone wants a pose the library lacks: application/json with name, description and optionally categoryId; or multipart/form-data with the same fields and an optional reference picture (image). Others vote for it; operators decide.";

  /** Rate limits per user: new pose requests, and votes. */
  static final String REQUEST_LIMIT = "pose-requests";

  @Inject CurrentUser currentUser;
  @Inject PictureUploads uploads;
  @Inject PoseRequests requests;
  @Inject ImageUrls images;
  @Inject RateLimits limits;
  @Context UriInfo uriInfo;

  /** A pose request as users see it; {@code mine} and {@code votedByMe} are the caller's. */
  @JsonbPropertyOrder({
    "id",
    "name",
    "description",
    "category",
    "referenceImageUrl",
    "referenceThumbnailUrl",
    "status",
    "voteCount",
    "votedByMe",
    "mine",
    "fulfilledPoseId",
    "createdAt",
    "updatedAt"
  })
  public record RequestView(
      UUID id,
      String name,
      String description,
      CategoryRef category,
      String referenceImageUrl,
      String referenceThumbnailUrl,
      String status,
      long voteCount,
      boolean votedByMe,
      boolean mine,
      UUID fulfilledPoseId,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** A request without a picture: {@code {name, description, categoryId?}}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ask for a pose", description = CREATE_DESCRIPTION)
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the request.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RequestView.class)))
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response create(@NotNull NewPoseRequest body) {
    limits.acquire(REQUEST_LIMIT, currentUser.id().toString());
    return created(requests.create(currentUser.id(), body.checked(), null, null));
  }

  /**
   * A request with a reference picture: multipart {@code name}, {@code description}, {@code
   * categoryId} and {@code image} (optional; checked and re-encoded like every upload).
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(summary = "Ask for a pose", description = CREATE_DESCRIPTION)
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the request.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RequestView.class)))
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response createWithPicture(
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("categoryId") String categoryId,
      @FormParam("image") EntityPart image) {
    NewPoseRequest request = new NewPoseRequest(name, description, uuid(categoryId)).checked();
    limits.acquire(REQUEST_LIMIT, currentUser.id().toString());
    if (image == null) {
      return created(requests.create(currentUser.id(), request, null, null));
    }
    AcceptedImage picture = uploads.accepted(currentUser.id(), image, PoseGenerator.THUMBNAIL_SIZE);
    return created(
        requests.create(currentUser.id(), request, picture.png(), picture.thumbnailPng()));
  }

  /** Everyone's requests: most votes first (or newest), one status or all, in pages. */
  @GET
  @Operation(
      summary = "Pose requests",
      description =
          "Filtered by status and category, sorted by votes or age; nextCursor fetches the next page.")
  public Page<RequestView> list(@BeanParam RequestQuery query) {
    UUID viewer = currentUser.id();
    return requests.page(query.listing(), viewer).map(item -> view(item, viewer, images));
  }

  @GET
  @Path("{requestId}")
  @Operation(summary = "One pose request")
  public RequestView request(@PathParam("requestId") UUID requestId) {
    UUID viewer = currentUser.id();
    return view(requests.find(requestId, viewer), viewer, images);
  }

  /** Votes for the request; voting again changes nothing. 409 once it is rejected or completed. */
  @PUT
  @Path("{requestId}/vote")
  @Operation(
      summary = "Vote for a pose request",
      description = "Once per user; voting again changes nothing.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public RequestView vote(@PathParam("requestId") UUID requestId) {
    UUID voter = currentUser.id();
    limits.acquire("pose-votes", voter.toString());
    return view(requests.vote(requestId, voter), voter, images);
  }

  /** Takes the caller's vote back; without a vote, changes nothing. */
  @DELETE
  @Path("{requestId}/vote")
  @Operation(summary = "Withdraw a vote")
  public RequestView withdraw(@PathParam("requestId") UUID requestId) {
    UUID voter = currentUser.id();
    limits.acquire("pose-votes", voter.toString());
    return view(requests.withdraw(requestId, voter), voter, images);
  }

  /**
   * The request as a user sees it. Requests are everyone's to read and vote on, so the URLs of its
   * reference picture (signed for this answer) go to every signed-in user who reads it: whoever
   * attaches a picture to a request shows it to them.
   */
  static RequestView view(PoseRequests.Item item, UUID viewerId, ImageUrls images) {
    return new RequestView(
        item.id(),
        item.name(),
        item.description(),
        item.categoryId() == null
            ? null
            : new CategoryRef(item.categoryId(), item.categorySlug(), item.categoryName()),
        item.referenceImage() == null ? null : images.signed(item.referenceImage()),
        item.referenceThumbnail() == null ? null : images.signed(item.referenceThumbnail()),
        item.status().code(),
        item.voteCount(),
        item.votedByViewer(),
        item.userId().equals(viewerId),
        item.fulfilledPoseId(),
        item.createdAt(),
        item.updatedAt());
  }

  private Response created(PoseRequests.Item item) {
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(PoseRequestsResource.class)
                .path(PoseRequestsResource.class, "request")
                .build(item.id()))
        .entity(view(item, item.userId(), images))
        .build();
  }

  /** A multipart part's id: blank is none, anything but a UUID a 400. */
  private static UUID uuid(String categoryId) {
    if (categoryId == null || categoryId.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(categoryId.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          List.of(new Problem.FieldError("categoryId", "must be a pose category's id.")));
    }
  }
}
