package com.lumiku.credits.boundary;

import com.lumiku.credits.control.Ledger;
import com.lumiku.platform.Roles;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's credit balance. */
@Path("credits")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CreditsResource {

  @Inject CurrentUser currentUser;
  @Inject Ledger ledger;

  public record Balance(long balance) {}

  @GET
  public Balance balance() {
    return new Balance(ledger.balance(currentUser.id()));
  }
}
