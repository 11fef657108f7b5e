package com.lumiku.payments.boundary;

import com.lumiku.payments.control.PaymentRefunds;
import com.lumiku.payments.control.Payments;
import com.lumiku.payments.entity.Payment;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.audit.Audited;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Operators' view of all payments: a listing with filters, one payment, and recording a refund (the
 * money goes back in the gateway's merchant dashboard; this takes the purchase back).
 */
@Path("admin/payments")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsAdminResource {

  @Inject CurrentUser currentUser;
  @Inject Payments payments;
  @Inject PaymentRefunds refunds;

  /**
   * A refund as recorded: when, by which admin, why; for credits, what was taken back from the
   * balance and what could not be (spent already: a debt shown here, not collected); for a plan,
   * the time taken off the tier (what was unused of its days) and the time the buyer had used
   * (ISO-8601 durations).
   */
  public record RefundView(
      OffsetDateTime refundedAt,
      UUID refundedBy,
      String reason,
      Long creditsRecovered,
      Long creditsUnrecovered,
      Duration planTimeRecovered,
      Duration planTimeUnrecovered) {

    static RefundView of(Payment p) {
      return p.refundedAt() == null
          ? null
          : new RefundView(
              p.refundedAt(),
              p.refundedBy(),
              p.refundReason(),
              p.creditsRecovered(),
              p.creditsUnrecovered(),
              p.planTimeRecovered(),
              p.planTimeUnrecovered());
    }
  }

  /** A payment with its buyer and, once refunded, the refund. */
  public record AdminPaymentView(
      UUID userId, String email, PaymentView payment, RefundView refund) {

    static AdminPaymentView of(Payment p) {
      return new AdminPaymentView(p.userId(), p.email(), PaymentView.of(p), RefundView.of(p));
    }
  }

  /** Why the payment was refunded (required, one line, at most 200 characters). */
  @Schema(example = "{\"reason\":\"Bought twice by mistake\"}")
  public record RefundOrder(String reason) {}

  /** All payments, newest first, filtered (see {@link PaymentSearchQuery}); cursor pages. */
  @GET
  @Operation(
      summary = "Payments, for operators",
      description = "Filtered by status, user, kind and time; newest first.")
  public Page<AdminPaymentView> list(
      @QueryParam("status") String status,
      @QueryParam("userId") String userId,
      @QueryParam("q") String q,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limitParameter,
      @QueryParam("cursor") String cursor) {
    Payments.Search search = PaymentSearchQuery.parse(status, userId, q, from, to);
    int limit = PageSize.parse(limitParameter);
    List<Payment> fetched = payments.search(search, PageCursor.decode(cursor), limit + 1);
    return Page.of(
        fetched, limit, AdminPaymentView::of, p -> new PageCursor(p.createdAt(), p.id()));
  }

  @GET
  @Path("{merchantOrderId}")
  @Operation(summary = "One payment, for operators")
  public AdminPaymentView payment(@PathParam("merchantOrderId") String merchantOrderId) {
    return payments
        .find(merchantOrderId)
        .map(AdminPaymentView::of)
        .orElseThrow(() -> ProblemException.notFound("Payment " + merchantOrderId));
  }

  /**
   * Records that a paid payment's money went back to the buyer, and takes the purchase back: 200
   * with the payment; 409 unless it is paid (also for the loser of two concurrent refunds).
   */
  @POST
  @Path("{merchantOrderId}/refund")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("payments.refund")
  @Operation(
      summary = "Record a refund",
      description =
          "The money of a paid payment went back to the buyer: takes the purchase back (credits, never below a zero balance; a plan's days). 409 unless it is paid (also for the loser of two concurrent refunds). Audited.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public AdminPaymentView refund(
      @PathParam("merchantOrderId") String merchantOrderId, @NotNull RefundOrder order) {
    List<FieldError> errors = new ArrayList<>();
    String reason =
        FieldRules.required("reason", order.reason(), 200, FieldRules.Lines.ONE, errors);
    FieldRules.refuseIfAny(errors);
    return AdminPaymentView.of(refunds.refund(merchantOrderId, currentUser.id(), reason));
  }
}
