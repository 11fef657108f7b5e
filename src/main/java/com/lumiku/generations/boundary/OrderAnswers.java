package com.lumiku.generations.boundary;

import com.lumiku.generations.control.GenerationRequests;
import com.lumiku.generations.control.QueuePositions;
import com.lumiku.platform.storage.ImageUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * How every app answers an accepted order: 202 with the generation (and its queue position), the
 * credits it cost and the balance left, and {@code Location} where the generation can be followed.
 */
@ApplicationScoped
public class OrderAnswers {

  @Inject QueuePositions positions;
  @Inject ImageUrls images;

  /** The body of the answer. */
  @JsonbPropertyOrder({"generation", "creditUsed", "creditBalance", "quotaUsed"})
  public record AcceptedOrder(
      GenerationView generation, long creditUsed, long creditBalance, int quotaUsed) {}

  public Response accepted(GenerationRequests.Accepted accepted, UriInfo uriInfo) {
    return accepted(accepted, uriInfo.getBaseUri());
  }

  /**
   * The answer, with the Location under the application's base address {@code base} (from a task
   * without the request's context, see {@code OrderIntake}).
   */
  public Response accepted(GenerationRequests.Accepted accepted, URI base) {
    return Response.accepted(
            new AcceptedOrder(
                GenerationView.current(accepted.generation(), positions, images),
                accepted.creditUsed(),
                accepted.creditBalance(),
                accepted.quotaUsed()))
        .location(GenerationsResource.location(base, accepted.generation().id()))
        .build();
  }
}
