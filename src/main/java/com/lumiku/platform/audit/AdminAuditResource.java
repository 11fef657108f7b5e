package com.lumiku.platform.audit;

import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/admin/audit?limit=&cursor=}: operators' actions, newest first (admins only). */
@Path("admin/audit")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

  @Inject AdminAudit audit;

  @GET
  @Operation(
      summary = "Operators' actions",
      description =
          "The admin audit, newest first: who, what, to whom, when and why. nextCursor fetches the next page.")
  public Page<AdminAudit.Entry> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return audit.list(PageCursor.decode(cursor), PageSize.parse(limit));
  }
}
