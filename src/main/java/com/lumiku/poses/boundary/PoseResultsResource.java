package com.lumiku.poses.boundary;

import com.lumiku.imaging.ImageFormat;
import com.lumiku.imaging.PictureFiles;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.platform.storage.ImageUrls;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.poses.control.PoseProjects;
import com.lumiku.poses.control.PoseResults;
import com.lumiku.poses.entity.GeneratedPose;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The poses a project's batches drew: in pages (all, or the favourites), favourite or not, delete,
 * and download one in PNG, JPEG or WebP.
 */
@Path("apps/" + PoseGenerator.ID + "/projects/{projectId}/poses")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoseResultsResource {

  @Inject CurrentUser currentUser;
  @Inject PoseProjects projects;
  @Inject PoseResults results;
  @Inject ImageStore images;
  @Inject ImageUrls urls;

  /** A drawn pose, and how it was drawn (so it can be drawn again). */
  public record PoseResultView(
      UUID id,
      UUID generationId,
      UUID poseId,
      String imageUrl,
      String thumbnailUrl,
      int width,
      int height,
      long seed,
      BigDecimal controlnetWeight,
      String prompt,
      String backgroundPrompt,
      boolean favorite,
      OffsetDateTime createdAt) {}

  @GET
  @Operation(
      summary = "A project's generated poses",
      description =
          "Newest first; favorites only with favorite=true. nextCursor fetches the next page.")
  public Page<PoseResultView> list(
      @PathParam("projectId") UUID projectId,
      @QueryParam("favorites") boolean favoritesOnly,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    UUID owned = projects.owned(projectId, currentUser.id()).id();
    int size = PageSize.parse(limit);
    return Page.of(
        results.of(owned, favoritesOnly, PageCursor.decode(cursor), size + 1),
        size,
        pose -> view(pose, urls),
        pose -> new PageCursor(pose.createdAt(), pose.id()));
  }

  @GET
  @Path("{poseResultId}")
  @Operation(summary = "One generated pose")
  public PoseResultView pose(
      @PathParam("projectId") UUID projectId, @PathParam("poseResultId") UUID poseResultId) {
    return view(results.owned(projectId, poseResultId, currentUser.id()), urls);
  }

  @PUT
  @Path("{poseResultId}/favorite")
  @Operation(summary = "Mark a pose as a favorite")
  public PoseResultView favorite(
      @PathParam("projectId") UUID projectId, @PathParam("poseResultId") UUID poseResultId) {
    return view(results.favorite(projectId, poseResultId, currentUser.id(), true), urls);
  }

  @DELETE
  @Path("{poseResultId}/favorite")
  @Operation(summary = "Unmark a favorite pose")
  public PoseResultView unfavorite(
      @PathParam("projectId") UUID projectId, @PathParam("poseResultId") UUID poseResultId) {
    return view(results.favorite(projectId, poseResultId, currentUser.id(), false), urls);
  }

  @DELETE
  @Path("{poseResultId}")
  @Operation(
      summary = "Delete a generated pose",
      description = "With its pictures (their image URLs stop working).")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response delete(
      @PathParam("projectId") UUID projectId, @PathParam("poseResultId") UUID poseResultId) {
    results.delete(projectId, poseResultId, currentUser.id());
    return Response.noContent().build();
  }

  /** The pose's picture as a file in {@code format} ({@code png}, the default, jpeg or webp). */
  @GET
  @Path("{poseResultId}/download")
  @Produces({"image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Download a generated pose's picture",
      description = "As a file in format (png, the default, jpeg or webp).")
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
      @PathParam("poseResultId") UUID poseResultId,
      @QueryParam("format") String formatCode) {
    ImageFormat format = PictureFiles.format(formatCode);
    GeneratedPose pose = results.owned(projectId, poseResultId, currentUser.id());
    return PictureFiles.download(images, pose.imagePath(), format, fileName(pose));
  }

  /** A pose's file name without extension: {@code pose-<seed>-<id>}, unique and safe anywhere. */
  static String fileName(GeneratedPose pose) {
    return "pose-" + pose.seed() + "-" + pose.id();
  }

  /** The pose for its owner, with URLs of its pictures signed for this answer. */
  static PoseResultView view(GeneratedPose pose, ImageUrls urls) {
    return new PoseResultView(
        pose.id(),
        pose.generationId(),
        pose.poseId(),
        urls.signed(pose.imagePath()),
        urls.signed(pose.thumbnailPath()),
        pose.width(),
        pose.height(),
        pose.seed(),
        pose.controlnetWeight(),
        pose.prompt(),
        pose.backgroundPrompt(),
        pose.favorite(),
        pose.createdAt());
  }
}
