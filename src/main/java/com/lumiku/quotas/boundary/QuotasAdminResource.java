package com.lumiku.quotas.boundary;

import com.lumiku.apps.AppRegistry;
import com.lumiku.platform.Roles;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.audit.Audited;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.quotas.control.Quotas;
import com.lumiku.users.control.Accounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operators grant, change and end users' quota tiers (users also buy them as plans): {@code PUT}
 * gives the tier for {@code days} (or until {@code expiresAt}) with a daily quota ({@code
 * lumiku.quotas.default-daily} unless given), {@code DELETE} ends it now.
 */
@Path("admin/users/{userId}/quotas/{app}")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QuotasAdminResource {

  /** The longest a tier is given for at once (ten years). */
  static final int LONGEST_DAYS = 3660;

  @Inject Quotas quotas;
  @Inject Accounts accounts;
  @Inject AppRegistry apps;

  @Inject
  @ConfigProperty(name = "lumiku.quotas.default-daily")
  int defaultDaily;

  /** A tier to give: a daily quota, and how long (days from now, or an end). */
  @Schema(example = "{\"dailyQuota\":100,\"days\":30}")
  public record TierGrant(
      @Min(1) @Max(100_000) Integer dailyQuota,
      @Min(1) @Max(LONGEST_DAYS) Integer days,
      OffsetDateTime expiresAt) {}

  @PUT
  @Transactional
  @Audited("quotas.grant")
  @Operation(
      summary = "Give or change a user's quota tier",
      description =
          "For days from now or until expiresAt (exactly one of them); dailyQuota defaults to LUMIKU_QUOTAS_DEFAULT_DAILY. Audited (quotas.grant).")
  public TierView grant(
      @PathParam("userId") UUID userId,
      @PathParam("app") String app,
      @NotNull @Valid TierGrant grant) {
    known(userId, app);
    if ((grant.days() == null) == (grant.expiresAt() == null)) {
      throw ProblemException.badRequest("Give either days or expiresAt.");
    }
    OffsetDateTime expires =
        grant.expiresAt() != null ? grant.expiresAt() : UtcClock.now().plusDays(grant.days());
    if (!expires.isAfter(UtcClock.now())
        || expires.isAfter(UtcClock.now().plusDays(LONGEST_DAYS))) {
      throw ProblemException.badRequest(
          "expiresAt must be in the future, at most " + LONGEST_DAYS + " days from now.");
    }
    int daily = grant.dailyQuota() == null ? defaultDaily : grant.dailyQuota();
    return TierView.of(quotas.grant(userId, app, daily, expires));
  }

  @DELETE
  @Transactional
  @Audited("quotas.revoke")
  @Operation(summary = "End a user's quota tier", description = "Audited (quotas.revoke).")
  @APIResponse(responseCode = "204", description = "The tier ended.")
  public Response revoke(@PathParam("userId") UUID userId, @PathParam("app") String app) {
    known(userId, app);
    if (!quotas.revoke(userId, app)) {
      throw ProblemException.notFound("A quota tier of user " + userId + " in " + app);
    }
    return Response.noContent().build();
  }

  private void known(UUID userId, String app) {
    if (accounts.find(userId).isEmpty()) {
      throw ProblemException.notFound("User " + userId);
    }
    if (apps.apps().stream().noneMatch(listing -> listing.id().equals(app))) {
      throw ProblemException.notFound("App " + app);
    }
  }
}
