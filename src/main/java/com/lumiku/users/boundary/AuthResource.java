package com.lumiku.users.boundary;

import com.lumiku.credits.control.Ledger;
import com.lumiku.platform.ratelimit.ClientAddresses;
import com.lumiku.platform.ratelimit.RateLimits;
import com.lumiku.platform.security.TokenIssuer;
import com.lumiku.users.control.Accounts;
import com.lumiku.users.entity.User;
import jakarta.annotation.security.PermitAll;
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

/**
 * Registration and login: the two routes that need no token, and hand one out. Both are rate
 * limited before any work: registrations per client address; sign-in attempts per client address,
 * and failed ones per account (a burst, then a daily ceiling), so that guessing a password backs
 * off on every instance at once.
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

  public record Registration(
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Size(min = 8, max = 200) String password,
      @NotBlank @Size(max = 100) String name) {}

  public record Credentials(@NotBlank String email, @NotNull String password) {}

  /**
   * A signed-in session; after a registration also the welcome credits the account got, and why
   * none when the hourly cap on welcome grants was reached.
   */
  public record Session(String token, UserView user, Welcome welcome) {}

  public record Welcome(long credits, String note) {}

  @POST
  @Path("register")
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
        .entity(session(registered.user(), registered.balance(), welcome))
        .build();
  }

  @POST
  @Path("login")
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
    return session(user, ledger.balance(user.id()), null);
  }

  private Session session(User user, long balance, Welcome welcome) {
    return new Session(
        tokens.issue(user.id(), user.email(), user.role()), UserView.of(user, balance), welcome);
  }
}
