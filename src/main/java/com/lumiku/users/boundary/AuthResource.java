package com.lumiku.users.boundary;

import com.lumiku.credits.control.Ledger;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.ratelimit.ClientAddresses;
import com.lumiku.platform.ratelimit.RateLimits;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.security.Sessions;
import com.lumiku.platform.security.TokenIssuer;
import com.lumiku.users.control.AcceptablePassword;
import com.lumiku.users.control.Accounts;
import com.lumiku.users.entity.User;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Registration, login and sessions. Registration and login need no token and hand one out: a
 * short-lived access token (the Bearer token, a JWT with an id) and a refresh token. Both are rate
 * limited before any work: registrations per client address; sign-in attempts per client address,
 * and failed ones per account (a burst, then a daily ceiling), so that guessing a password backs
 * off on every instance at once. Refresh trades a refresh token, once, for a new pair; logout
 * revokes the access token and the refresh tokens of its sign-in.
 */
@Path("auth")
@RequestScoped
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject Accounts accounts;
  @Inject Ledger ledger;
  @Inject TokenIssuer tokens;
  @Inject RateLimits limits;
  @Inject ClientAddresses clients;
  @Inject Sessions sessions;
  @Inject CurrentUser currentUser;

  @Schema(
      example =
          "{\"email\":\"ana@example.com\",\"password\":\"kopi-tubruk-pagi\",\"name\":\"Ana\"}")
  public record Registration(
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @AcceptablePassword @Size(max = 200) String password,
      @NotBlank @Size(max = 100) String name) {}

  @Schema(example = "{\"email\":\"ana@example.com\",\"password\":\"kopi-tubruk-pagi\"}")
  public record Credentials(@NotBlank String email, @NotNull String password) {}

  @Schema(example = "{\"refreshToken\":\"3q2-7bV0c9xJ1tq0k5w4mA\"}")
  public record Refresh(@NotBlank @Size(max = 100) String refreshToken) {}

  @Schema(example = "{\"refreshToken\":\"3q2-7bV0c9xJ1tq0k5w4mA\"}")
  public record Logout(@Size(max = 100) String refreshToken) {}

  /**
   * A signed-in session: the access token, seconds until it expires, the refresh token and the
   * account; after a registration also the welcome credits the account got, and why none when the
   * hourly cap on welcome grants was reached.
   */
  public record Session(
      String token, long expiresIn, String refreshToken, UserView user, Welcome welcome) {}

  public record Welcome(long credits, String note) {}

  @POST
  @Path("register")
  @Operation(
      summary = "Register an account",
      description =
          "Creates an account with the welcome credits (none past the hourly cap on welcome grants: then welcome.note says why) and signs it in. Limited per client address (register-address).")
  @APIResponse(
      responseCode = "201",
      description = "Registered and signed in; Location names the account (/api/me).",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Session.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response register(
      @NotNull @Valid Registration registration, @Context HttpServletRequest request) {
    limits.acquire("register-address", clients.of(request));
    Accounts.Registered registered =
        accounts.register(registration.email(), registration.password(), registration.name());
    Welcome welcome =
        new Welcome(
            registered.welcomeCredits(),
            registered.welcomeCredits() > 0
                ? null
                : "No welcome credits this time: the hourly number of welcome grants is reached.");
    return Response.created(URI.create("/api/me"))
        .entity(session(registered.user(), registered.balance(), null, welcome))
        .build();
  }

  @POST
  @Path("login")
  @Operation(
      summary = "Sign in",
      description =
          "Trades an email and password for an access token and a refresh token. Limited per client address and, for failed attempts, per account (a burst, then a daily ceiling).")
  @APIResponse(
      responseCode = "401",
      description = "Wrong email or password (never told apart).",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Session login(
      @NotNull @Valid Credentials credentials, @Context HttpServletRequest request) {
    limits.acquire("login-address", clients.of(request));
    String account = User.normalize(credentials.email());
    limits.acquire("login-account", account);
    limits.acquire("login-account-day", account);
    User user = accounts.authenticate(credentials.email(), credentials.password());
    // Only failed attempts count against the account: its owner is never locked out by signing in.
    limits.giveBack("login-account", account);
    limits.giveBack("login-account-day", account);
    return session(user, ledger.balance(user.id()), null, null);
  }

  /** A new access token and the next refresh token; a used or unknown refresh token is a 401. */
  @POST
  @Path("refresh")
  @Operation(
      summary = "Refresh a session",
      description =
          "Trades a refresh token, once, for a new access token and the next refresh token; a used or unknown refresh token is a 401 and ends the sign-in.")
  @APIResponse(
      responseCode = "401",
      description = "The refresh token is used, unknown or expired; sign in again.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Session refresh(@NotNull @Valid Refresh refresh) {
    Sessions.Rotated rotated =
        sessions
            .rotate(refresh.refreshToken())
            .orElseThrow(
                () ->
                    ProblemException.unauthorized("This session has ended; please sign in again."));
    User user =
        accounts
            .find(rotated.userId())
            .orElseThrow(() -> ProblemException.unauthorized("This account no longer exists."));
    return session(user, ledger.balance(user.id()), rotated.refreshToken(), null);
  }

  /**
   * Ends the caller's session: the access token is refused from now on, on every instance, and so
   * are the refresh tokens of its sign-in when the body names one of them.
   */
  @POST
  @Path("logout")
  @RolesAllowed({Roles.USER, Roles.ADMIN})
  @Operation(
      summary = "Sign out",
      description =
          "Revokes the access token on every instance, and the refresh tokens of its sign-in when the body names one of them. The body is optional.")
  @APIResponse(responseCode = "204", description = "Signed out.")
  public Response logout(@Valid Logout logout) {
    sessions.revokeAccess(currentUser.tokenId(), currentUser.tokenExpiresAt());
    if (logout != null && logout.refreshToken() != null) {
      sessions.close(currentUser.id(), logout.refreshToken());
    }
    return Response.noContent().build();
  }

  private Session session(User user, long balance, String refreshToken, Welcome welcome) {
    return new Session(
        tokens.issue(user.id(), user.email(), user.role()),
        tokens.lifetime().toSeconds(),
        refreshToken != null ? refreshToken : sessions.open(user.id()),
        UserView.of(user, balance),
        welcome);
  }
}
