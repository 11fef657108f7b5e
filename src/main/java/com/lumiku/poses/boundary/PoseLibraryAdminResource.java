package com.lumiku.poses.boundary;

import com.lumiku.platform.Roles;
import com.lumiku.platform.audit.Audited;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.poses.boundary.PoseLibraryResource.PoseView;
import com.lumiku.poses.control.CategoryEdit;
import com.lumiku.poses.control.LibraryEdits;
import com.lumiku.poses.control.PoseEdit;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.poses.control.PoseLibrary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operators' editing of the pose library: categories and poses added, changed and retired (a {@code
 * DELETE} retires; nothing is deleted, see {@link LibraryEdits}), and read with what users do not
 * see (retired ones, a category's parent).
 */
@Path("admin/" + PoseGenerator.ID)
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PoseLibraryAdminResource {

  @Inject CurrentUser currentUser;
  @Inject PoseLibrary library;
  @Inject LibraryEdits edits;
  @Context UriInfo uriInfo;

  /** A category as operators see it: where it sits in the tree, and whether it is retired. */
  @JsonbPropertyOrder({
    "id",
    "parentId",
    "slug",
    "displayName",
    "description",
    "icon",
    "color",
    "displayOrder",
    "retired"
  })
  public record AdminCategoryView(
      UUID id,
      UUID parentId,
      String slug,
      String displayName,
      String description,
      String icon,
      String color,
      int displayOrder,
      boolean retired) {}

  /** A pose as operators see it: the library's view with its keypoints, and whether retired. */
  @JsonbPropertyOrder({"retired", "pose"})
  public record AdminPoseView(boolean retired, PoseView pose) {}

  /** Every category, retired ones too: parents first, each level in display order. */
  @GET
  @Path("categories")
  @Operation(summary = "Every pose category", description = "Retired ones too.")
  public List<AdminCategoryView> categories() {
    return library.allCategories().stream().map(PoseLibraryAdminResource::view).toList();
  }

  @GET
  @Path("categories/{categoryId}")
  @Operation(summary = "One pose category, for operators")
  public AdminCategoryView category(@PathParam("categoryId") UUID categoryId) {
    return view(
        library
            .category(categoryId)
            .orElseThrow(() -> ProblemException.notFound("Pose category " + categoryId)));
  }

  /**
   * A new category: {@code {slug, displayName, description?, icon?, color?, parentId?,
   * displayOrder?}}.
   */
  @POST
  @Path("categories")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("pose-generator.category.create")
  @Operation(summary = "Create a pose category", description = "Audited.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the category.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminCategoryView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response createCategory(@NotNull CategoryEdit category) {
    AdminCategoryView created = view(edits.createCategory(currentUser.id(), category.checkedNew()));
    return Response.created(location("category", created.id())).entity(created).build();
  }

  /** Changes a category; absent fields stay, a blank description, icon or colour is removed. */
  @PATCH
  @Path("categories/{categoryId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("pose-generator.category.change")
  @Operation(
      summary = "Change a pose category",
      description = "Fields given replace the stored ones. Audited.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public AdminCategoryView changeCategory(
      @PathParam("categoryId") UUID categoryId, @NotNull CategoryEdit changes) {
    return view(edits.changeCategory(currentUser.id(), categoryId, changes.checkedChanges()));
  }

  /** Retires a category: it and its poses leave the public library. */
  @DELETE
  @Path("categories/{categoryId}")
  @Transactional
  @Audited("pose-generator.category.retire")
  @Operation(
      summary = "Retire a pose category",
      description = "It and its poses leave the public library. Audited.")
  @APIResponse(responseCode = "204", description = "Retired.")
  public Response retireCategory(@PathParam("categoryId") UUID categoryId) {
    edits.retireCategory(currentUser.id(), categoryId);
    return Response.noContent().build();
  }

  @GET
  @Path("library/{poseId}")
  @Operation(summary = "One library pose, for operators", description = "Retired ones too.")
  public AdminPoseView pose(@PathParam("poseId") UUID poseId) {
    PoseView pose =
        PoseLibraryResource.view(
            library
                .findForOperators(poseId)
                .orElseThrow(() -> ProblemException.notFound("Pose " + poseId)),
            true);
    return new AdminPoseView(library.isRetired(poseId).orElse(true), pose);
  }

  /**
   * A new library pose: {@code {name, description?, categoryId, difficulty, genderSuitability?,
   * tags?, keypoints, controlnetWeight?, featured?}}.
   */
  @POST
  @Path("library")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("pose-generator.pose.create")
  @Operation(summary = "Add a pose to the library", description = "Audited.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the pose.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdminPoseView.class)))
  public Response createPose(@NotNull PoseEdit pose) {
    UUID poseId = edits.createPose(currentUser.id(), pose.checkedNew());
    return Response.created(location("pose", poseId)).entity(pose(poseId)).build();
  }

  /** Changes a library pose; absent fields stay as they are. */
  @PATCH
  @Path("library/{poseId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("pose-generator.pose.change")
  @Operation(
      summary = "Change a library pose",
      description = "Fields given replace the stored ones. Audited.")
  public AdminPoseView changePose(@PathParam("poseId") UUID poseId, @NotNull PoseEdit changes) {
    edits.changePose(currentUser.id(), poseId, changes.checkedChanges());
    return pose(poseId);
  }

  /** Retires a pose: it leaves the public library; batches ordered before still draw it. */
  @DELETE
  @Path("library/{poseId}")
  @Transactional
  @Audited("pose-generator.pose.retire")
  @Operation(
      summary = "Retire a library pose",
      description = "It leaves the public library; batches ordered before still draw it. Audited.")
  @APIResponse(responseCode = "204", description = "Retired.")
  public Response retirePose(@PathParam("poseId") UUID poseId) {
    edits.retirePose(currentUser.id(), poseId);
    return Response.noContent().build();
  }

  private URI location(String method, UUID id) {
    return uriInfo
        .getBaseUriBuilder()
        .path(PoseLibraryAdminResource.class)
        .path(PoseLibraryAdminResource.class, method)
        .build(id);
  }

  private static AdminCategoryView view(PoseLibrary.Category category) {
    return new AdminCategoryView(
        category.id(),
        category.parentId(),
        category.slug(),
        category.displayName(),
        category.description(),
        category.icon(),
        category.color(),
        category.displayOrder(),
        !category.active());
  }
}
