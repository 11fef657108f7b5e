package com.lumiku.poses.boundary;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.LumikuApi;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.poses.control.Difficulty;
import com.lumiku.poses.control.Gender;
import com.lumiku.poses.control.LibraryCursor;
import com.lumiku.poses.control.LibrarySort;
import com.lumiku.poses.control.PoseLibrary;
import com.lumiku.poses.control.PoseRenderer;
import com.lumiku.poses.entity.Keypoints;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Pose Generator's library: categories as a tree, poses found by filters in sorted keyset pages,
 * one pose with its keypoints, and its pictures drawn from those keypoints (skeleton for
 * ControlNet, preview, reference). The pictures are catalogue art, the same for everyone, so they
 * need no token (an {@code <img>} cannot send one) and may be cached.
 */
@Path("apps/pose-generator")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PoseLibraryResource {

  static final int PICTURE_SIZE = 512;

  @Inject PoseLibrary library;

  /** A category and its sub-categories. */
  @JsonbPropertyOrder({
    "id",
    "slug",
    "displayName",
    "description",
    "icon",
    "color",
    "displayOrder",
    "children"
  })
  public record CategoryView(
      UUID id,
      String slug,
      String displayName,
      String description,
      String icon,
      String color,
      int displayOrder,
      List<CategoryView> children) {}

  /** The category a pose is in. */
  public record CategoryRef(UUID id, String slug, String displayName) {}

  /** A pose as the library lists it; {@code keypoints} only in the single pose's answer. */
  @JsonbPropertyOrder({
    "id",
    "name",
    "description",
    "category",
    "difficulty",
    "genderSuitability",
    "tags",
    "previewUrl",
    "referenceUrl",
    "skeletonUrl",
    "controlnetWeight",
    "featured",
    "usageCount",
    "favoriteCount",
    "ratingAvg",
    "createdAt",
    "keypoints"
  })
  public record PoseView(
      UUID id,
      String name,
      String description,
      CategoryRef category,
      String difficulty,
      String genderSuitability,
      List<String> tags,
      String previewUrl,
      String referenceUrl,
      String skeletonUrl,
      BigDecimal controlnetWeight,
      boolean featured,
      long usageCount,
      long favoriteCount,
      BigDecimal ratingAvg,
      OffsetDateTime createdAt,
      JsonArray keypoints) {}

  @GET
  @Path("categories")
  @Operation(
      summary = "Pose categories",
      description = "The public ones, in display order, with their number of poses.")
  public List<CategoryView> categories() {
    Map<UUID, List<CategoryView>> children = new LinkedHashMap<>();
    List<PoseLibrary.Category> all = library.categories();
    for (PoseLibrary.Category category : all) {
      if (category.parentId() != null) {
        children
            .computeIfAbsent(category.parentId(), id -> new ArrayList<>())
            .add(view(category, List.of()));
      }
    }
    return all.stream()
        .filter(category -> category.parentId() == null)
        .map(category -> view(category, children.getOrDefault(category.id(), List.of())))
        .toList();
  }

  /** Public poses, filtered, sorted (popular, newest, rating) and in pages. */
  @GET
  @Path("library")
  @Operation(
      summary = "The pose library",
      description =
          "Filtered by category, difficulty, gender suitability, tags and text, featured first; nextCursor fetches the next page.")
  public Page<PoseView> list(
      @QueryParam("category") String category,
      @QueryParam("difficulty") String difficulty,
      @QueryParam("gender") String gender,
      @QueryParam("tag") String tag,
      @QueryParam("q") String text,
      @QueryParam("featured") String featured,
      @QueryParam("sort") String sortParameter,
      @QueryParam("limit") String limitParameter,
      @QueryParam("cursor") String cursor) {
    int limit = PageSize.parse(limitParameter);
    LibrarySort sort = LibrarySort.parseOrDefault(sortParameter);
    PoseLibrary.Filter filter =
        new PoseLibrary.Filter(
            blankToNull(category),
            Difficulty.parse(difficulty),
            Gender.parse(gender),
            blankToNull(tag),
            blankToNull(text),
            parseBoolean(featured));
    return Page.ofCursors(
        library.list(filter, sort, LibraryCursor.decode(cursor, sort), limit + 1),
        limit,
        pose -> view(pose, false),
        last -> sort.after(last).encode());
  }

  @GET
  @Path("library/{poseId}")
  @Operation(summary = "One library pose")
  public PoseView pose(@PathParam("poseId") UUID poseId) {
    return view(
        library.find(poseId).orElseThrow(() -> ProblemException.notFound("Pose " + poseId)), true);
  }

  /** A picture of the pose: {@code skeleton}, {@code preview} or {@code reference}. */
  @GET
  @Path("library/{poseId}/{kind: skeleton|preview|reference}.png")
  @Produces("image/png")
  @PermitAll
  @Operation(
      summary = "A picture of a library pose",
      description =
          "skeleton, preview or reference, 512 px: an image URL, so no token is needed. Answers 304 to a matching If-None-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The picture.",
      content = {
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "304", description = "Not modified since the ETag given.")
  public Response picture(
      @PathParam("poseId") UUID poseId, @PathParam("kind") String kind, @Context Request request) {
    String keypoints =
        library.keypoints(poseId).orElseThrow(() -> ProblemException.notFound("Pose " + poseId));
    EntityTag tag = new EntityTag(Integer.toHexString((kind + keypoints).hashCode()));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    CacheControl day = new CacheControl();
    day.setMaxAge(86_400);
    if (unchanged != null) {
      return unchanged.cacheControl(day).build();
    }
    byte[] png =
        PoseRenderer.png(
            Keypoints.parse(keypoints),
            PoseRenderer.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
            PICTURE_SIZE);
    return Response.ok(png, "image/png").tag(tag).cacheControl(day).build();
  }

  /** Where the API serves a picture of a pose. */
  static String pictureUrl(UUID poseId, String kind) {
    return UriBuilder.fromPath("/")
        .path(LumikuApi.PATH)
        .path(PoseLibraryResource.class)
        .path("library/{poseId}/{kind}.png")
        .build(poseId, kind)
        .toString();
  }

  private static CategoryView view(PoseLibrary.Category category, List<CategoryView> children) {
    return new CategoryView(
        category.id(),
        category.slug(),
        category.displayName(),
        category.description(),
        category.icon(),
        category.color(),
        category.displayOrder(),
        children);
  }

  static PoseView view(PoseLibrary.Pose pose, boolean withKeypoints) {
    return new PoseView(
        pose.id(),
        pose.name(),
        pose.description(),
        new CategoryRef(pose.categoryId(), pose.categorySlug(), pose.categoryName()),
        pose.difficulty(),
        pose.genderSuitability(),
        pose.tags(),
        pictureUrl(pose.id(), "preview"),
        pictureUrl(pose.id(), "reference"),
        pictureUrl(pose.id(), "skeleton"),
        pose.controlnetWeight(),
        pose.featured(),
        pose.usageCount(),
        pose.favoriteCount(),
        pose.ratingAvg(),
        pose.createdAt(),
        withKeypoints ? JsonDocuments.parseArray(pose.keypoints()) : null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Boolean parseBoolean(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ProblemException.badRequest("featured must be true or false.");
    };
  }
}
