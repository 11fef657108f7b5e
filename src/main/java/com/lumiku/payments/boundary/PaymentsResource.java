package com.lumiku.payments.boundary;

import com.lumiku.payments.control.CreditPackages;
import com.lumiku.payments.control.Payments;
import com.lumiku.payments.entity.CreditPackage;
import com.lumiku.payments.entity.Payment;
import com.lumiku.payments.entity.QuotaPlan;
import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.Roles;
import com.lumiku.platform.idempotency.IdempotentRequests;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.ratelimit.RateLimits;
import com.lumiku.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Buying credits and plans: what is for sale, checkout, and the caller's payments. */
@Path("payments")
@RequestScoped
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {

  private static final String CHECKOUT_ROUTE = "POST /api/payments";

  @Inject CurrentUser currentUser;
  @Inject JsonWebToken token;
  @Inject CreditPackages packages;
  @Inject Payments payments;
  @Inject IdempotentRequests idempotentRequests;
  @Inject RateLimits limits;
  @Context UriInfo uriInfo;

  /** A package for sale; {@code price} in rupiah. */
  public record PackageView(
      String id, long credits, long bonusCredits, long totalCredits, long price, String currency) {
    static PackageView of(CreditPackage p) {
      return new PackageView(p.id(), p.credits(), p.bonus(), p.totalCredits(), p.price(), "IDR");
    }
  }

  /**
   * A plan for sale: {@code days} of a quota tier in {@code app} with {@code dailyQuota} units a
   * day (buying again adds the days); {@code price} in rupiah.
   */
  public record PlanView(
      String id, String app, int days, int dailyQuota, long price, String currency) {
    static PlanView of(QuotaPlan p) {
      return new PlanView(p.id(), p.app(), p.days(), p.dailyQuota(), p.price(), "IDR");
    }
  }

  @Schema(name = "PaymentCatalogue")
  public record Catalogue(
      List<PackageView> packages, List<PlanView> plans, Set<String> paymentMethods) {}

  /** A checkout: {@code packageId} names a credit package or a plan. */
  @Schema(example = "{\"packageId\":\"starter\",\"paymentMethod\":\"BC\"}")
  public record CheckoutOrder(String packageId, String paymentMethod) {}

  /** The answer to a checkout: where the buyer pays, and what ({@code plan} for a plan). */
  public record CheckoutView(
      String merchantOrderId,
      String reference,
      String paymentUrl,
      OffsetDateTime expiresAt,
      long amount,
      String currency,
      String kind,
      long credits,
      long bonusCredits,
      PaymentView.PlanTerms plan) {}

  public record IdempotentRequest(String route, CheckoutOrder order) {}

  @GET
  @Path("packages")
  @Operation(
      summary = "What can be bought",
      description =
          "The credit packages and the plans (quota tiers) for sale, with prices in rupiah, and the payment methods.")
  public Catalogue packages() {
    return new Catalogue(
        packages.active().stream().map(PackageView::of).toList(),
        packages.activePlans().stream().map(PlanView::of).toList(),
        new java.util.TreeSet<>(packages.methods()));
  }

  /**
   * Creates a payment of a package or a plan at the gateway: 201 with where to pay. With an {@code
   * Idempotency-Key}, a retry of the same order answers the first payment again.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Buy a package or a plan",
      description =
          "Creates the payment at the gateway (Duitku, or the simulator): 201 with where to pay (paymentUrl). Credits or the plan come when the gateway's callback says paid. With an Idempotency-Key header, a retry of the same order answers the first payment again.")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the payment.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CheckoutView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @APIResponse(
      responseCode = "502",
      description = "The gateway refused or failed; nothing was bought.",
      content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
  public Response checkout(
      @HeaderParam("Idempotency-Key") String idempotencyKey, @NotNull CheckoutOrder order) {
    return idempotentRequests.once(
        currentUser.id(),
        idempotencyKey,
        new IdempotentRequest(CHECKOUT_ROUTE, order),
        () -> {
          // counted here, inside the idempotent work: a replayed answer counts nothing
          limits.acquire("payments", currentUser.id().toString());
          Payment payment =
              payments.checkout(
                  currentUser.id(), token.getName(), order.packageId(), order.paymentMethod());
          return Response.created(
                  uriInfo
                      .getBaseUriBuilder()
                      .path("payments")
                      .path(payment.merchantOrderId())
                      .build())
              .entity(
                  new CheckoutView(
                      payment.merchantOrderId(),
                      payment.reference(),
                      payment.paymentUrl(),
                      payment.expiresAt(),
                      payment.amount(),
                      "IDR",
                      payment.kind(),
                      payment.credits(),
                      payment.bonusCredits(),
                      PaymentView.PlanTerms.of(payment)))
              .build();
        });
  }

  /** The caller's payments, newest first; {@code nextCursor} fetches the next (older) page. */
  @GET
  @Operation(
      summary = "The caller's payments",
      description = "Newest first; nextCursor fetches the next (older) page.")
  public Page<PaymentView> list(
      @QueryParam("limit") String limitParameter, @QueryParam("cursor") String cursor) {
    int limit = PageSize.parse(limitParameter);
    List<Payment> fetched = payments.ofUser(currentUser.id(), PageCursor.decode(cursor), limit + 1);
    return Page.of(fetched, limit, PaymentView::of, p -> new PageCursor(p.createdAt(), p.id()));
  }

  /** One of the caller's payments; somebody else's is a 404. */
  @GET
  @Path("{merchantOrderId}")
  @Operation(summary = "One payment of the caller")
  public PaymentView payment(@PathParam("merchantOrderId") String merchantOrderId) {
    return payments
        .ofUser(currentUser.id(), merchantOrderId)
        .map(PaymentView::of)
        .orElseThrow(() -> ProblemException.notFound("Payment " + merchantOrderId));
  }
}
