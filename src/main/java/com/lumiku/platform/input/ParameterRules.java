package com.lumiku.platform.input;

import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.Problem.FieldError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules every query parameter, path parameter and form field keeps, whatever the route: one
 * line without control characters (see {@link FieldRules#hasControlCharacter}), at most {@value
 * #LONGEST} characters. A request that breaks them is answered 400 naming each broken parameter,
 * before the route runs, so nothing is looked up, charged or stored with it. (JSON bodies keep the
 * same rules in {@link StrictJson}; routes check their parameters' own formats.)
 */
@Provider
@Priority(Priorities.USER - 100)
public class ParameterRules implements ContainerRequestFilter {

  /** The longest parameter any route takes (a search text, a cursor) is far below this. */
  static final int LONGEST = 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Map<String, String> errors = new TreeMap<>();
    try {
      check(request.getUriInfo().getPathParameters(true), errors);
      check(request.getUriInfo().getQueryParameters(true), errors);
    } catch (IllegalArgumentException badEscape) {
      errors.put("query", "is not a valid URL-encoded text.");
    }
    if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())
        && request.hasEntity()) {
      // Read (within the body limit), checked, and handed on unchanged for the route to read.
      byte[] form = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(form));
      formFields(new String(form, StandardCharsets.UTF_8), errors);
    }
    if (!errors.isEmpty()) {
      List<FieldError> fields = new ArrayList<>();
      errors.forEach((field, message) -> fields.add(new FieldError(field, message)));
      request.abortWith(Problem.invalid(fields).toResponse());
    }
  }

  /** Whether a parameter's value keeps the rules; what it breaks is put in {@code errors}. */
  static void check(String field, String value, Map<String, String> errors) {
    if (value.length() > LONGEST) {
      errors.put(field, "must be at most " + LONGEST + " characters.");
    } else if (FieldRules.hasControlCharacter(value, Lines.ONE)) {
      errors.put(field, FieldRules.controlCharacterRule(Lines.ONE));
    }
  }

  private static void check(MultivaluedMap<String, String> parameters, Map<String, String> errors) {
    parameters.forEach(
        (name, values) -> {
          if (checkName(name, errors)) {
            for (String value : values) {
              check(name, value, errors);
            }
          }
        });
  }

  /** A parameter's name keeps the same rules; a broken one is not repeated in the answer. */
  private static boolean checkName(String name, Map<String, String> errors) {
    Map<String, String> broken = new TreeMap<>();
    check("", name, broken);
    broken.values().forEach(message -> errors.put("parameter name", message));
    return broken.isEmpty();
  }

  private static void formFields(String form, Map<String, String> errors) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value =
            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        if (checkName(name, errors)) {
          check(name, value, errors);
        }
      } catch (IllegalArgumentException badEscape) {
        errors.put("body", "is not a valid URL-encoded form.");
      }
    }
  }
}
