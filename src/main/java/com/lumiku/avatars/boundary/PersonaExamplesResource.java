package com.lumiku.avatars.boundary;

import com.lumiku.avatars.control.AttributeFields;
import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.avatars.control.CatalogueCategory;
import com.lumiku.avatars.control.PersonaExamples;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.PersonaExample;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Avatar Creator's persona examples: personas to start one's own from, with a suggested look. */
@Path("apps/" + AvatarCreator.ID + "/persona-examples")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PersonaExamplesResource {

  @Inject PersonaExamples examples;

  /** An example, in its category's display order. */
  @JsonbPropertyOrder({"id", "category", "displayOrder", "name", "persona", "suggestedAttributes"})
  public record PersonaExampleView(
      UUID id,
      String category,
      int displayOrder,
      String name,
      Persona persona,
      AttributeFields suggestedAttributes) {}

  /** The examples by category, then in display order; {@code category} keeps one category. */
  @GET
  @Operation(
      summary = "Persona examples",
      description = "By category, then in display order; category keeps one category.")
  public List<PersonaExampleView> list(@QueryParam("category") String category) {
    return examples.list(CatalogueCategory.filter(category)).stream()
        .map(PersonaExamplesResource::view)
        .toList();
  }

  @GET
  @Path("{exampleId}")
  @Operation(summary = "One persona example")
  public PersonaExampleView example(@PathParam("exampleId") UUID exampleId) {
    return view(
        examples
            .find(exampleId)
            .orElseThrow(() -> ProblemException.notFound("Persona example " + exampleId)));
  }

  static PersonaExampleView view(PersonaExample example) {
    PersonaExample.Content content = example.content();
    return new PersonaExampleView(
        example.id(),
        content.category(),
        content.displayOrder(),
        content.name(),
        content.persona(),
        AttributeFields.of(content.suggestedAttributes()));
  }
}
