package com.lumiku.credits.boundary;

import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's credit balance and ledger. */
@Path("credits")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CreditsResource {

  @Inject CurrentUser currentUser;
  @Inject Ledger ledger;

  public record Balance(long balance) {}

  @GET
  @Operation(summary = "The caller's credit balance")
  public Balance balance() {
    return new Balance(ledger.balance(currentUser.id()));
  }

  /** The ledger, newest first; {@code nextCursor} fetches the next (older) page. */
  @GET
  @Path("transactions")
  @Operation(
      summary = "The caller's credit ledger",
      description = "Newest first; nextCursor fetches the next (older) page.")
  public Page<TransactionView> transactions(
      @QueryParam("limit") String limitParameter, @QueryParam("cursor") String cursor) {
    int limit = PageSize.parse(limitParameter);
    List<CreditTransaction> fetched =
        ledger.entries(currentUser.id(), PageCursor.decode(cursor), limit + 1);
    return Page.of(fetched, limit, TransactionView::of, t -> new PageCursor(t.createdAt(), t.id()));
  }
}
