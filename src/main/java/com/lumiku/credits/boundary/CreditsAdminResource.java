package com.lumiku.credits.boundary;

import com.lumiku.credits.control.Grants;
import com.lumiku.credits.control.Reconciliation;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.platform.Roles;
import com.lumiku.platform.audit.Audited;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What operators do with credits: grant or correct them, and check that everything adds up. */
@Path("admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CreditsAdminResource {

  @Inject CurrentUser currentUser;
  @Inject Grants grants;
  @Inject Reconciliation reconciliation;

  /** Positive amounts are grants, negative ones corrections (never below a zero balance). */
  @Schema(example = "{\"amount\":50,\"reason\":\"Goodwill after a failed batch\"}")
  public record CreditChange(
      @NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Long amount,
      @NotBlank @Size(max = 200) String reason) {}

  @POST
  @Path("users/{userId}/credits")
  @Transactional
  @Audited("credits.grant")
  @Operation(
      summary = "Grant or correct credits",
      description =
          "A positive amount is a grant, a negative one a correction (never below a zero balance: 409). Audited (credits.grant).")
  @APIResponse(
      responseCode = "201",
      description = "The ledger entry written.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TransactionView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response grant(@PathParam("userId") UUID userId, @NotNull @Valid CreditChange change) {
    if (change.amount() == 0) {
      throw ProblemException.badRequest("amount must not be 0.");
    }
    CreditTransaction entry =
        grants.grant(currentUser.id(), userId, change.amount(), change.reason().strip());
    return Response.status(Response.Status.CREATED).entity(TransactionView.of(entry)).build();
  }

  @GET
  @Path("credits/reconciliation")
  @Operation(
      summary = "Reconcile credits",
      description =
          "Checks every balance against its ledger and the generations against their charges, now.")
  public Reconciliation.Report reconciliation() {
    return reconciliation.check();
  }
}
