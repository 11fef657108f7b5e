package com.lumiku.apps;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The apps and their prices; public, so a visitor sees the costs before signing up. */
@Path("apps")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {

  @Inject AppRegistry registry;

  @GET
  @Operation(
      summary = "The apps",
      description = "Every app with its operations and their prices in credits; needs no token.")
  public List<Catalogue.Listing> apps() {
    return registry.apps();
  }
}
