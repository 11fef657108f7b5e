package com.lumiku.avatars.boundary;

import com.lumiku.avatars.control.AttributeFields;
import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.avatars.control.AvatarPresets;
import com.lumiku.avatars.control.CatalogueCategory;
import com.lumiku.avatars.control.PromptBuilder;
import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.imaging.LocalImageGenerator;
import com.lumiku.platform.LumikuApi;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Avatar Creator's presets as users browse them: the public ones (operators see every one), by
 * category, each with its preview. A preview is the local generator's drawing of the preset's model
 * prompt, drawn on request (nothing is downloaded or stored): catalogue art, the same for everyone,
 * so it needs no token (an {@code <img>} cannot send one) and may be cached.
 */
@Path("apps/" + AvatarCreator.ID + "/presets")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AvatarPresetsResource {

  static final int PREVIEW_SIZE = 512;

  @Inject AvatarPresets presets;
  @Inject CurrentUser currentUser;

  /**
   * A preset: its persona template and visual attributes, its own words ({@code prompt}) and the
   * model prompt an order of it without changes gets ({@code modelPrompt}).
   */
  @JsonbPropertyOrder({
    "id",
    "name",
    "category",
    "description",
    "previewUrl",
    "prompt",
    "persona",
    "attributes",
    "modelPrompt",
    "public",
    "usageCount",
    "createdAt",
    "updatedAt"
  })
  public record PresetView(
      UUID id,
      String name,
      String category,
      String description,
      String previewUrl,
      String prompt,
      Persona persona,
      AttributeFields attributes,
      String modelPrompt,
      @JsonbProperty("public") boolean isPublic,
      long usageCount,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** The presets by category and name; {@code category} keeps one category. */
  @GET
  @Operation(
      summary = "Avatar presets",
      description = "By category and name; category keeps one category.")
  public List<PresetView> list(@QueryParam("category") String category) {
    return presets.list(CatalogueCategory.filter(category), operator()).stream()
        .map(AvatarPresetsResource::view)
        .toList();
  }

  @GET
  @Path("{presetId}")
  @Operation(summary = "One avatar preset")
  public PresetView preset(@PathParam("presetId") UUID presetId) {
    return view(
        presets
            .find(presetId, operator())
            .orElseThrow(() -> ProblemException.notFound("Preset " + presetId)));
  }

  /**
   * The preset's preview, 512 px square: public presets only (no token reaches it, it is an image
   * URL), so a private preset's id opens nothing.
   */
  @GET
  @Path("{presetId}/preview.png")
  @Produces("image/png")
  @PermitAll
  @Operation(
      summary = "A preset's preview picture",
      description =
          "512 px square, public presets only: an image URL, so no token is needed (and a private preset's id opens nothing). Answers 304 to a matching If-None-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The preview.",
      content = {
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(responseCode = "304", description = "Not modified since the ETag given.")
  public Response preview(@PathParam("presetId") UUID presetId, @Context Request request) {
    String prompt =
        modelPrompt(
            presets
                .find(presetId, false)
                .orElseThrow(() -> ProblemException.notFound("Preset " + presetId))
                .content());
    EntityTag tag = new EntityTag(Integer.toHexString((PREVIEW_SIZE + prompt).hashCode()));
    CacheControl day = new CacheControl();
    day.setMaxAge(86_400);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.cacheControl(day).build();
    }
    return Response.ok(LocalImageGenerator.preview(prompt, PREVIEW_SIZE), "image/png")
        .tag(tag)
        .cacheControl(day)
        .build();
  }

  private boolean operator() {
    return currentUser.isAdmin();
  }

  static PresetView view(AvatarPreset preset) {
    AvatarPreset.Content content = preset.content();
    return new PresetView(
        preset.id(),
        content.name(),
        content.category(),
        content.description(),
        UriBuilder.fromPath("/")
            .path(LumikuApi.PATH)
            .path(AvatarPresetsResource.class)
            .path(AvatarPresetsResource.class, "preview")
            .build(preset.id())
            .toString(),
        content.prompt(),
        content.persona(),
        AttributeFields.of(content.attributes()),
        modelPrompt(content),
        content.isPublic(),
        preset.usageCount(),
        preset.createdAt(),
        preset.updatedAt());
  }

  private static String modelPrompt(AvatarPreset.Content content) {
    return PromptBuilder.build(content.persona(), content.attributes(), content.prompt());
  }
}
