package com.lumiku.avatars.boundary;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.avatars.control.AvatarUsages;
import com.lumiku.avatars.entity.AvatarUsage;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where the caller's avatar has been used by other apps, newest first. */
@Path("apps/" + AvatarCreator.ID + "/avatars/{avatarId}/usage")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AvatarUsageResource {

  @Inject CurrentUser currentUser;
  @Inject AvatarUsages usages;

  /** One use: which app did what, and its record of it. */
  public record UsageView(
      UUID id,
      String app,
      String action,
      String referenceType,
      UUID referenceId,
      OffsetDateTime usedAt) {}

  @GET
  @Operation(
      summary = "An avatar's usage",
      description = "Where the avatar was used (by other apps), newest first, up to limit.")
  public List<UsageView> usage(
      @PathParam("avatarId") UUID avatarId, @QueryParam("limit") String limit) {
    UUID owned = usages.owned(avatarId, currentUser.id()).id();
    return usages.of(owned, PageSize.parse(limit)).stream().map(AvatarUsageResource::view).toList();
  }

  private static UsageView view(AvatarUsage usage) {
    return new UsageView(
        usage.id(),
        usage.app(),
        usage.action(),
        usage.referenceType(),
        usage.referenceId(),
        usage.usedAt());
  }
}
