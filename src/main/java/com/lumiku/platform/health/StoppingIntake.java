package com.lumiku.platform.health;

import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Set;

/**
 * While the instance stops ({@link StopGrace}), a request that would change something (any method
 * but GET, HEAD and OPTIONS: an order, a payment, a callback, a sign-in) is answered 503 with
 * {@code Retry-After} before anything runs, so the caller retries, through a load balancer on
 * another instance, instead of having its work cut off by the stop. Reads still answer.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class StoppingIntake implements ContainerRequestFilter {

  /** Seconds a refused caller is asked to wait: another instance, or this one restarted. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Set<String> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  @Inject StopGrace stop;

  @Override
  public void filter(ContainerRequestContext request) {
    if (stop.stopping() && !READS.contains(request.getMethod())) {
      throw new Stopping();
    }
  }

  /** 503: this instance is stopping; nothing was done. */
  static final class Stopping extends ProblemException {

    private static final long serialVersionUID = 1L;

    Stopping() {
      super(
          Problem.of(
              503,
              "Service Unavailable",
              "This instance is stopping; nothing was done. Please try again in "
                  + RETRY_AFTER_SECONDS
                  + " s."),
          Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
    }
  }
}
