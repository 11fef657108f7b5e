package com.lumiku.users.boundary;

import com.lumiku.credits.control.Ledger;
import com.lumiku.platform.security.TokenIssuer;
import com.lumiku.users.control.Accounts;
import com.lumiku.users.entity.User;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Registration and login: the two routes that need no token, and hand one out. */
@Path("auth")
@RequestScoped
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject Accounts accounts;
  @Inject Ledger ledger;
  @Inject TokenIssuer tokens;

  public record Registration(
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Size(min = 8, max = 200) String password,
      @NotBlank @Size(max = 100) String name) {}

  public record Credentials(@NotBlank String email, @NotNull String password) {}

  public record Session(String token, UserView user) {}

  @POST
  @Path("register")
  public Response register(@NotNull @Valid Registration registration) {
    Accounts.Registered registered =
        accounts.register(registration.email(), registration.password(), registration.name());
    return Response.created(URI.create("/api/me"))
        .entity(session(registered.user(), registered.balance()))
        .build();
  }

  @POST
  @Path("login")
  public Session login(@NotNull @Valid Credentials credentials) {
    User user = accounts.authenticate(credentials.email(), credentials.password());
    return session(user, ledger.balance(user.id()));
  }

  private Session session(User user, long balance) {
    return new Session(
        tokens.issue(user.id(), user.email(), user.role()), UserView.of(user, balance));
  }
}
