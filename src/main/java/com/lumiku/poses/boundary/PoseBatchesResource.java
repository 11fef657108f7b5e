package com.lumiku.poses.boundary;

import com.lumiku.imaging.ImageFormat;
import com.lumiku.imaging.PictureFiles;
import com.lumiku.imaging.Png;
import com.lumiku.platform.Roles;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.platform.storage.ImageUrls;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.poses.control.PoseResults;
import com.lumiku.poses.entity.GeneratedPose;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.awt.image.BufferedImage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * One batch of a project: its order and the poses it drew, and all of them as one ZIP, each pose in
 * every format the batch was ordered with. The ZIP is streamed (written while it is sent, one pose
 * at a time), so a large batch needs no more memory than one picture.
 */
@Path("apps/" + PoseGenerator.ID + "/projects/{projectId}/generations/{generationId}")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoseBatchesResource {

  @Inject CurrentUser currentUser;
  @Inject PoseResults results;
  @Inject ImageStore images;
  @Inject ImageUrls urls;

  /** A batch as ordered, and the poses it drew so far (the generation has its status). */
  public record BatchView(
      UUID generationId,
      UUID projectId,
      String textPrompt,
      String backgroundPrompt,
      List<String> exportFormats,
      int totalExpectedPoses,
      OffsetDateTime createdAt,
      List<PoseResultsResource.PoseResultView> poses) {}

  @GET
  @Operation(
      summary = "One batch of poses",
      description = "The generation with each job and its result.")
  public BatchView batch(
      @PathParam("projectId") UUID projectId, @PathParam("generationId") UUID generationId) {
    PoseResults.BatchPoses found = results.batch(projectId, generationId, currentUser.id());
    return new BatchView(
        found.batch().generationId(),
        found.batch().projectId(),
        found.batch().textPrompt(),
        found.batch().backgroundPrompt(),
        found.batch().exportFormats(),
        found.batch().totalExpectedPoses(),
        found.batch().createdAt(),
        found.poses().stream().map(pose -> PoseResultsResource.view(pose, urls)).toList());
  }

  /** The batch's poses as {@code poses-<generation id>.zip}. */
  @GET
  @Path("download")
  @Produces({"application/zip", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Download a batch's pictures",
      description = "A ZIP of every completed pose of the batch.")
  @APIResponse(
      responseCode = "200",
      description = "The pictures, as a ZIP attachment.",
      content = {
        @Content(
            mediaType = "application/zip",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response download(
      @PathParam("projectId") UUID projectId, @PathParam("generationId") UUID generationId) {
    PoseResults.BatchPoses found = results.batch(projectId, generationId, currentUser.id());
    List<ImageFormat> formats =
        found.batch().exportFormats().stream().map(ImageFormat::parse).toList();
    List<GeneratedPose> poses = found.poses();
    StreamingOutput zip =
        output -> {
          try (ZipOutputStream entries = new ZipOutputStream(output)) {
            for (GeneratedPose pose : poses) {
              byte[] png;
              try {
                png = images.read(pose.imagePath());
              } catch (NoSuchElementException deletedMeanwhile) {
                continue;
              }
              BufferedImage picture =
                  formats.equals(List.of(ImageFormat.PNG)) ? null : Png.decode(png);
              for (ImageFormat format : formats) {
                entries.putNextEntry(
                    new ZipEntry(PoseResultsResource.fileName(pose) + "." + format.extension()));
                entries.write(format == ImageFormat.PNG ? png : format.encode(picture));
                entries.closeEntry();
              }
            }
          }
        };
    return Response.ok(zip, "application/zip")
        .header("Content-Disposition", PictureFiles.attachment("poses-" + generationId + ".zip"))
        .build();
  }
}
