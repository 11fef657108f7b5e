package com.lumiku.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem document: the body of every 4xx and 5xx answer of the API.
 *
 * @param type a URI naming the kind of problem (derived from the title)
 * @param title a short, fixed summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong this time, for a person
 * @param errors one entry per invalid field, for validation failures; otherwise null and omitted
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}

  public static Problem of(int status, String title, String detail) {
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return new Problem("https://lumiku.app/problems/" + slug, title, status, detail, null);
  }

  public static Problem of(Response.StatusType status, String detail) {
    return of(status.getStatusCode(), status.getReasonPhrase(), detail);
  }

  /** 400: the request is invalid, one entry per field (sorted by field). */
  public static Problem invalid(List<FieldError> fieldErrors) {
    return of(400, "Bad Request", "The request is invalid; see errors.")
        .withErrors(fieldErrors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, List.copyOf(fieldErrors));
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
