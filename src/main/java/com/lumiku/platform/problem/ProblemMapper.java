package com.lumiku.platform.problem;

import com.lumiku.platform.messaging.ManagementClient;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way errors leave the API: every exception becomes an {@code application/problem+json}
 * answer, never a stack trace or an HTML page.
 *
 * <p>Failures of the database or the broker become 503: the transaction they happened in was rolled
 * back, so the caller may retry. Anything unexpected becomes a 500 whose detail names an incident
 * id that is also in the server log, with the stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    Response answer = problemFor(failure).toResponse();
    ProblemException problem = find(failure, ProblemException.class);
    if (problem == null || problem.headers().isEmpty()) {
      return answer;
    }
    Response.ResponseBuilder withHeaders = Response.fromResponse(answer);
    problem.headers().forEach(withHeaders::header);
    return withHeaders.build();
  }

  public static Problem problemFor(Throwable failure) {
    ProblemException problem = find(failure, ProblemException.class);
    if (problem != null) {
      return problem.problem();
    }
    ConstraintViolationException invalid = find(failure, ConstraintViolationException.class);
    if (invalid != null) {
      return validationProblem(invalid);
    }
    if (failure instanceof WebApplicationException web) {
      return webProblem(web);
    }
    if (find(failure, JsonbException.class) != null
        || find(failure, JsonParsingException.class) != null) {
      return Problem.of(
          400, "Bad Request", "The request body is not valid JSON for this operation.");
    }
    if (find(failure, SystemException.class) != null
        || find(failure, HeuristicMixedException.class) != null) {
      // The transaction manager could not complete the commit: a resource failed in the middle of
      // it (seen when the broker dies during a commit's first phase). Whether it committed is not
      // known here: recovery ends it either way. Only a retry with the same Idempotency-Key is
      // safe, which answers the first outcome if there was one.
      return unavailable(
          failure,
          "A commit failed in the transaction manager: {0}",
          "The database or the message broker failed while this was being saved. Repeat the"
              + " request with the same Idempotency-Key: if it was saved, you get its answer, and"
              + " it is never charged twice.");
    }
    if (isDependencyFailure(failure)) {
      return unavailable(
          failure,
          "Request failed because a dependency is unavailable: {0}",
          "A service this needs (the database, the message broker or the image store) is"
              + " unavailable or busy. Nothing was charged and nothing was queued; please try again"
              + " shortly.");
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
    return Problem.of(
        500, "Internal Server Error", "Unexpected failure; incident " + incident + ".");
  }

  /** A 503 with this detail; what failed goes to the log (the message's {0}), not to the caller. */
  private static Problem unavailable(Throwable failure, String logMessage, String detail) {
    LOG.log(Level.WARNING, logMessage, Causes.describe(failure));
    return Problem.of(503, "Service Unavailable", detail);
  }

  /**
   * What JAX-RS itself refused (no route, wrong method or media type, an unreadable body or
   * parameter): a fixed text per status (the exception's message may name classes or echo the
   * request); a 5xx is logged with an incident id like any unexpected failure.
   */
  private static Problem webProblem(WebApplicationException web) {
    int status = web.getResponse().getStatus();
    if (web instanceof NotAuthorizedException) {
      return Problem.of(401, "Unauthorized", "A valid Bearer token is required.");
    }
    if (status == 400) {
      return Problem.of(
          400,
          "Bad Request",
          "The request body is missing or is not valid JSON for this operation.");
    }
    if (status >= 500) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, web);
      return Problem.of(
          status, "Internal Server Error", "Unexpected failure; incident " + incident + ".");
    }
    return Problem.ofStatus(status);
  }

  private static Problem validationProblem(ConstraintViolationException invalid) {
    List<Problem.FieldError> errors =
        invalid.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .toList();
    return Problem.invalid(errors);
  }

  /** The property path of a violation without the method and parameter it was found through. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (!field.isEmpty()) {
        field.append('.');
      }
      field.append(node.getName());
    }
    return field.isEmpty() ? "body" : field.toString();
  }

  /**
   * Whether the database or the broker failed us (a 503: retry later), as opposed to a bug or a
   * constraint violation (a 500). A rolled-back commit counts as a dependency failure unless the
   * database gave a reason that is not about the connection.
   */
  private static boolean isDependencyFailure(Throwable failure) {
    boolean rolledBack = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JMSException
          || t instanceof JMSRuntimeException
          || t instanceof ManagementClient.BrokerUnavailableException
          || t instanceof DependencyUnavailable
          || t instanceof SQLTransientConnectionException
          || t instanceof jakarta.resource.ResourceException) {
        return true;
      }
      if (t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return isUnavailableState(sql.getSQLState());
      }
      rolledBack |= t instanceof RollbackException;
    }
    return rolledBack;
  }

  /**
   * Connection lost (08), server shutting down or connections terminated (57P), a lock not granted
   * within lock_timeout (55P03, e.g. a row held by an in-doubt transaction), or the transaction
   * chosen to break a deadlock or a serialization conflict (40P01, 40001): nothing of it stays, and
   * the same request again will most likely pass.
   */
  private static boolean isUnavailableState(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08")
            || sqlState.startsWith("57P")
            || sqlState.equals("55P03")
            || sqlState.equals("40P01")
            || sqlState.equals("40001"));
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
