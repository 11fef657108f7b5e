package com.lumiku.payments.boundary;

import com.lumiku.payments.control.PaymentGateways;
import com.lumiku.payments.control.PaymentLinks;
import com.lumiku.payments.control.SimulatorGateway;
import com.lumiku.payments.control.SimulatorGateway.Choice;
import com.lumiku.payments.control.SimulatorGateway.Simulated;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The payment simulator's page (lumiku.payments.gateway=simulator): what Duitku's payment page is
 * to a buyer. No Bearer token (a browser follows the payment URL); the token in the URL is the
 * permission. A 404 for everything else, including when Duitku is the gateway.
 */
@Path("payments/simulator/{merchantOrderId}")
@RequestScoped
@PermitAll
public class PaymentSimulatorResource {

  @Inject PaymentGateways gateways;
  @Inject SimulatorGateway simulator;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.TEXT_HTML)
  @Operation(
      summary = "The payment simulator's page",
      description =
          "Only with LUMIKU_PAYMENTS_GATEWAY=simulator: the page a buyer is sent to (paymentUrl) to pay, decline or pay without a callback. The token in the URL is the permission.")
  @APIResponse(
      responseCode = "200",
      description = "The page.",
      content =
          @Content(
              mediaType = MediaType.TEXT_HTML,
              schema = @Schema(implementation = String.class)))
  public Response page(
      @PathParam("merchantOrderId") String merchantOrderId, @QueryParam("token") String token) {
    Simulated payment = find(merchantOrderId, token);
    String order = html(payment.merchantOrderId());
    String page =
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Payment simulator</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>body{font-family:sans-serif;max-width:30em;margin:3em auto;padding:0 1em}
        button{font-size:1.1em;margin:.3em .5em .3em 0;padding:.4em 1em}</style></head>
        <body><h1>Payment simulator</h1>
        <p>Lumiku's stand-in for a payment gateway: no money moves.</p>
        <p>Order <code>%s</code><br>Amount <strong>IDR %,d</strong><br>Reference %s</p>
        <form method="post"><input type="hidden" name="token" value="%s">
        <button name="choice" value="pay">Pay</button>
        <button name="choice" value="decline">Decline</button>
        <button name="choice" value="pay_without_callback"
          title="Paid, but the callback is lost: the status check settles it later">Pay, lose the callback</button>
        </form></body></html>
        """
            .formatted(order, payment.amount(), html(payment.reference()), html(token));
    return Response.ok(page)
        .header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .build();
  }

  /**
   * Decides the payment, sends its callback (unless the choice loses it), and sends the browser to
   * the return page, as a gateway does after payment.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "The payment simulator's decision",
      description =
          "The page's form: decides the payment, sends its callback (unless the choice loses it) and sends the browser to the return page.")
  @APIResponse(responseCode = "303", description = "See the return page (/payment/success).")
  public Response decide(
      @PathParam("merchantOrderId") String merchantOrderId,
      @FormParam("token") String token,
      @FormParam("choice") String choice) {
    Simulated payment = find(merchantOrderId, token);
    Choice chosen;
    try {
      chosen = Choice.valueOf(choice == null ? "" : choice.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("choice must be pay, decline or pay_without_callback.");
    }
    simulator.decide(payment, chosen, ownCallback());
    // The return page on the origin the buyer is using: its session (localStorage) is there.
    return Response.seeOther(
            URI.create(
                PaymentLinks.RETURN_PATH
                    + "?merchantOrderId="
                    + URLEncoder.encode(payment.merchantOrderId(), StandardCharsets.UTF_8)))
        .build();
  }

  /**
   * The application's callback at the address and port this request arrived on: the simulator lives
   * in the application, so that reaches it; the Host header is not used, so a request cannot send
   * the signed callback elsewhere.
   */
  private URI ownCallback() {
    try {
      return new URI(
          "http",
          null,
          request.getLocalAddr(),
          request.getLocalPort(),
          PaymentLinks.CALLBACK_PATH,
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No callback address for " + request.getLocalAddr(), e);
    }
  }

  private Simulated find(String merchantOrderId, String token) {
    if (!(gateways.current() instanceof SimulatorGateway)) {
      throw ProblemException.notFound("The payment");
    }
    return simulator
        .find(merchantOrderId, token)
        .orElseThrow(() -> ProblemException.notFound("The payment"));
  }

  private static String html(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
  }
}
