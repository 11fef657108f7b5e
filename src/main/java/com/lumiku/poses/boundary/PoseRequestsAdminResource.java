package com.lumiku.poses.boundary;

import com.lumiku.platform.Page;
import com.lumiku.platform.Roles;
import com.lumiku.platform.audit.Audited;
import com.lumiku.platform.security.CurrentUser;
import com.lumiku.platform.storage.ImageUrls;
import com.lumiku.poses.boundary.PoseRequestsResource.RequestView;
import com.lumiku.poses.control.PoseGenerator;
import com.lumiku.poses.control.PoseRequests;
import com.lumiku.poses.control.RequestReview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Pose requests for operators: everything users see, plus who asked and the operators' notes (which
 * users never see), and the decisions that move a request along its life (accept, reject, complete
 * with the library pose that fulfils it).
 */
@Path("admin/" + PoseGenerator.ID + "/requests")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PoseRequestsAdminResource {

  @Inject CurrentUser currentUser;
  @Inject PoseRequests requests;
  @Inject ImageUrls images;

  /** A request as operators see it: the user's view, plus the requester and the notes. */
  @JsonbPropertyOrder({"userId", "adminNotes", "request"})
  public record AdminRequestView(UUID userId, String adminNotes, RequestView request) {}

  @GET
  @Operation(
      summary = "Pose requests, for operators",
      description = "With who asked and the operators' notes.")
  public Page<AdminRequestView> list(@BeanParam RequestQuery query) {
    UUID operator = currentUser.id();
    return requests.page(query.listing(), operator).map(item -> view(item, operator));
  }

  @GET
  @Path("{requestId}")
  @Operation(summary = "One pose request, for operators")
  public AdminRequestView request(@PathParam("requestId") UUID requestId) {
    UUID operator = currentUser.id();
    return view(requests.find(requestId, operator), operator);
  }

  /**
   * Decides on a request: {@code {status, adminNotes?, fulfilledPoseId?}}. 409 for a move its life
   * does not allow or if another decision came first.
   */
  @PATCH
  @Path("{requestId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Audited("pose-generator.request.review")
  @Operation(
      summary = "Decide on a pose request",
      description =
          "A status, optional notes (never shown to users) and, when fulfilled, the library pose. 409 for a move the request's life does not allow or if another decision came first. Audited.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public AdminRequestView review(
      @PathParam("requestId") UUID requestId, @NotNull RequestReview review) {
    RequestReview.Checked decision = review.checked();
    UUID operator = currentUser.id();
    return view(requests.review(requestId, operator, decision), operator);
  }

  private AdminRequestView view(PoseRequests.Item item, UUID operatorId) {
    return new AdminRequestView(
        item.userId(), item.adminNotes(), PoseRequestsResource.view(item, operatorId, images));
  }
}
