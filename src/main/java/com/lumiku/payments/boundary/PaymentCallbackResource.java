package com.lumiku.payments.boundary;

import com.lumiku.payments.control.Callback;
import com.lumiku.payments.control.PaymentCallbacks;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The payment gateway's callback (Duitku's, or the simulator's copy of it): form fields, no token;
 * the signature is the permission. A callback taken, or one that changes nothing because the
 * payment has ended already, is answered 200 {@code SUCCESS}, which stops Duitku's retries; a
 * rejected one (bad signature, another merchant, unknown order, wrong amount) is a 400 problem and
 * changes nothing.
 */
@Path("payments/callback")
@RequestScoped
@PermitAll
public class PaymentCallbackResource {

  @Inject PaymentCallbacks callbacks;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      summary = "The payment gateway's callback",
      description =
          "Duitku's form post (or the simulator's) on a payment's outcome, signed with the merchant key: a valid, paid callback grants the purchase exactly once; a replay changes nothing. No token: the signature is the permission (a wrong one is a 400 and grants nothing).")
  @APIResponse(
      responseCode = "200",
      description = "Received.",
      content =
          @Content(
              mediaType = MediaType.TEXT_PLAIN,
              schema = @Schema(implementation = String.class)))
  public String receive(
      @FormParam("merchantCode") String merchantCode,
      @FormParam("amount") String amount,
      @FormParam("merchantOrderId") String merchantOrderId,
      @FormParam("resultCode") String resultCode,
      @FormParam("reference") String reference,
      @FormParam("signature") String signature) {
    callbacks.receive(
        new Callback(merchantCode, amount, merchantOrderId, resultCode, reference, signature));
    return "SUCCESS";
  }
}
