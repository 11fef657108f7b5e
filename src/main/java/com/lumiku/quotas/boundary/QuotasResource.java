package com.lumiku.quotas.boundary;

import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.quotas.control.Quotas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's quota tiers ("unlimited" plans), one per app, as they stand today. */
@Path("quotas")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class QuotasResource {

  @Inject CurrentUser currentUser;
  @Inject Quotas quotas;

  @GET
  @Operation(
      summary = "The caller's quota tiers",
      description = "One per app where the caller has a tier (active or expired).")
  public List<TierView> mine() {
    return quotas.tiers(currentUser.id()).stream().map(TierView::of).toList();
  }

  /** The caller's tier in one app; 404 if there is none. */
  @GET
  @Path("{app}")
  @Operation(summary = "The caller's quota tier in one app", description = "404 if there is none.")
  public TierView mine(@PathParam("app") String app) {
    return quotas
        .tier(currentUser.id(), app)
        .map(TierView::of)
        .orElseThrow(() -> ProblemException.notFound("A quota tier in " + app));
  }
}
