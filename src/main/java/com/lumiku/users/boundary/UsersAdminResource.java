package com.lumiku.users.boundary;

import com.lumiku.credits.control.Ledger;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.users.control.UserDirectory;
import com.lumiku.users.entity.User;
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

/**
 * Operators find accounts to help or to grant credits: {@code GET /api/admin/users?q=} (a piece of
 * the email or name, newest first, cursor pages) and {@code GET /api/admin/users/{userId}}. (Under
 * {@code admin} like the grants, so that one root path serves every {@code admin/users/...} route.)
 */
@Path("admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersAdminResource {

  @Inject UserDirectory directory;
  @Inject Ledger ledger;

  /** An account as operators see it. */
  public record AccountView(
      UUID id, String email, String name, String role, long balance, OffsetDateTime createdAt) {}

  @GET
  @Path("users")
  @Operation(
      summary = "Search accounts",
      description =
          "Newest first; q matches the email or the name (case-insensitive). nextCursor fetches the next page.")
  public Page<AccountView> search(
      @QueryParam("q") String text,
      @QueryParam("limit") String limitParameter,
      @QueryParam("cursor") String cursor) {
    if (text != null && text.length() > 200) {
      throw ProblemException.badRequest("q must be at most 200 characters.");
    }
    int limit = PageSize.parse(limitParameter);
    List<User> found = directory.search(text, PageCursor.decode(cursor), limit + 1);
    return Page.of(found, limit, this::view, u -> new PageCursor(u.createdAt(), u.id()));
  }

  @GET
  @Path("users/{userId}")
  @Operation(summary = "One account", description = "With its credit balance.")
  public AccountView account(@PathParam("userId") UUID userId) {
    return directory
        .find(userId)
        .map(this::view)
        .orElseThrow(() -> ProblemException.notFound("User " + userId));
  }

  private AccountView view(User user) {
    return new AccountView(
        user.id(),
        user.email(),
        user.name(),
        user.role(),
        ledger.balance(user.id()),
        user.createdAt());
  }
}
