package com.lumiku.users.boundary;

import com.lumiku.credits.control.Ledger;
import com.lumiku.platform.Roles;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.users.control.Accounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own account. */
@Path("me")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject CurrentUser currentUser;
  @Inject Accounts accounts;
  @Inject Ledger ledger;

  @GET
  @Operation(summary = "The caller's account", description = "With its current credit balance.")
  public UserView me() {
    return accounts
        .find(currentUser.id())
        .map(user -> UserView.of(user, ledger.balance(user.id())))
        .orElseThrow(() -> ProblemException.notFound("Your account"));
  }
}
