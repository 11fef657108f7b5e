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

  /**
   * The problem for a status the container or JAX-RS itself answers with (no route, wrong method or
   * content type, a body it could not read, a refused token): a fixed text per status, never the
   * exception's message, which may name classes or echo the request.
   */
  public static Problem ofStatus(int status) {
    return switch (status) {
      case 400 -> of(400, "Bad Request", "The request could not be read.");
      case 401 -> of(401, "Unauthorized", "A valid Bearer token is required; it may have expired.");
      case 403 -> of(403, "Forbidden", "You are not allowed to do this.");
      case 404 -> of(404, "Not Found", "There is nothing at this address.");
      case 405 -> of(405, "Method Not Allowed", "This address does not accept that method.");
      case 406 ->
          of(406, "Not Acceptable", "This address cannot answer in the media type asked for.");
      case 408 -> of(408, "Request Timeout", "The request took too long to arrive.");
      case 413 -> of(413, "Content Too Large", "The request body is too large.");
      case 414 -> of(414, "URI Too Long", "The address is too long.");
      case 415 ->
          of(415, "Unsupported Media Type", "This address does not accept that content type.");
      case 431 ->
          of(431, "Request Header Fields Too Large", "The request's headers are too large.");
      case 503 ->
          of(503, "Service Unavailable", "The service is unavailable; please try again shortly.");
      default ->
          of(
              status,
              status >= 500 ? "Internal Server Error" : "Bad Request",
              status >= 500 ? "Unexpected failure." : "The request failed.");
    };
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
