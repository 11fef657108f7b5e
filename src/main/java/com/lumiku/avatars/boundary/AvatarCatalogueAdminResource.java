package com.lumiku.avatars.boundary;

import com.lumiku.avatars.boundary.AvatarPresetsResource.PresetView;
import com.lumiku.avatars.boundary.PersonaExamplesResource.PersonaExampleView;
import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.avatars.control.AvatarPresets;
import com.lumiku.avatars.control.PersonaExampleEdit;
import com.lumiku.avatars.control.PersonaExamples;
import com.lumiku.avatars.control.PresetEdit;
import com.lumiku.platform.Roles;
import com.lumiku.platform.audit.Audited;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
 * Operators' keeping of Avatar Creator's catalogue: presets and persona examples created, read
 * (private presets too), changed (absent fields stay; blank texts and attributes are removed) and
 * deleted. Avatars ordered from a deleted preset keep what they were ordered with.
 */
@Path("admin/" + AvatarCreator.ID)
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AvatarCatalogueAdminResource {

  @Inject CurrentUser currentUser;
  @Inject AvatarPresets presets;
  @Inject PersonaExamples examples;
  @Context UriInfo uriInfo;

  /** Every preset, private ones too, by category and name. */
  @GET
  @Path("presets")
  @Operation(
      summary = "Every avatar preset",
      description = "Private ones too, by category and name.")
  public List<PresetView> presets() {
    return presets.list(null, true).stream().map(AvatarPresetsResource::view).toList();
  }

  @GET
  @Path("presets/{presetId}")
  @Operation(summary = "One avatar preset, for operators")
  public PresetView preset(@PathParam("presetId") UUID presetId) {
    return AvatarPresetsResource.view(
        presets
            .find(presetId, true)
            .orElseThrow(() -> ProblemException.notFound("Preset " + presetId)));
  }

  /**
   * A new preset: {@code {name, category, description?, prompt?, persona?, attributes?, public?}};
   * it must give the model something to draw.
   */
  @POST
  @Path("presets")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("avatar-creator.preset.create")
  @Operation(
      summary = "Create an avatar preset",
      description = "It must give the model something to draw. Audited.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the preset.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PresetView.class)))
  public Response createPreset(@NotNull PresetEdit preset) {
    PresetView created = AvatarPresetsResource.view(presets.create(currentUser.id(), preset));
    return Response.created(location("preset", created.id())).entity(created).build();
  }

  @PATCH
  @Path("presets/{presetId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("avatar-creator.preset.change")
  @Operation(
      summary = "Change an avatar preset",
      description = "Fields given replace the stored ones. Audited.")
  public PresetView changePreset(
      @PathParam("presetId") UUID presetId, @NotNull PresetEdit changes) {
    return AvatarPresetsResource.view(presets.change(currentUser.id(), presetId, changes));
  }

  @DELETE
  @Path("presets/{presetId}")
  @Transactional
  @Audited("avatar-creator.preset.delete")
  @Operation(summary = "Delete an avatar preset", description = "Audited.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response deletePreset(@PathParam("presetId") UUID presetId) {
    presets.delete(currentUser.id(), presetId);
    return Response.noContent().build();
  }

  @GET
  @Path("persona-examples")
  @Operation(summary = "Every persona example")
  public List<PersonaExampleView> examples() {
    return examples.list(null).stream().map(PersonaExamplesResource::view).toList();
  }

  @GET
  @Path("persona-examples/{exampleId}")
  @Operation(summary = "One persona example, for operators")
  public PersonaExampleView example(@PathParam("exampleId") UUID exampleId) {
    return PersonaExamplesResource.view(
        examples
            .find(exampleId)
            .orElseThrow(() -> ProblemException.notFound("Persona example " + exampleId)));
  }

  /**
   * A new persona example: {@code {category, name, displayOrder?, persona?, suggestedAttributes?}}.
   */
  @POST
  @Path("persona-examples")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("avatar-creator.persona-example.create")
  @Operation(summary = "Create a persona example", description = "Audited.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the example.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PersonaExampleView.class)))
  public Response createExample(@NotNull PersonaExampleEdit example) {
    PersonaExampleView created =
        PersonaExamplesResource.view(examples.create(currentUser.id(), example));
    return Response.created(location("example", created.id())).entity(created).build();
  }

  @PATCH
  @Path("persona-examples/{exampleId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("avatar-creator.persona-example.change")
  @Operation(
      summary = "Change a persona example",
      description = "Fields given replace the stored ones. Audited.")
  public PersonaExampleView changeExample(
      @PathParam("exampleId") UUID exampleId, @NotNull PersonaExampleEdit changes) {
    return PersonaExamplesResource.view(examples.change(currentUser.id(), exampleId, changes));
  }

  @DELETE
  @Path("persona-examples/{exampleId}")
  @Transactional
  @Audited("avatar-creator.persona-example.delete")
  @Operation(summary = "Delete a persona example", description = "Audited.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public Response deleteExample(@PathParam("exampleId") UUID exampleId) {
    examples.delete(currentUser.id(), exampleId);
    return Response.noContent().build();
  }

  private URI location(String method, UUID id) {
    return uriInfo
        .getBaseUriBuilder()
        .path(AvatarCatalogueAdminResource.class)
        .path(AvatarCatalogueAdminResource.class, method)
        .build(id);
  }
}
