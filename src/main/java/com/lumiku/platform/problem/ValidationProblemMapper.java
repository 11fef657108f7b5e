package com.lumiku.platform.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Takes validation failures away from Jersey's own mapper (which answers with HTML) and renders
 * them like every other problem, with one entry per invalid field.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

  @Override
  public Response toResponse(ConstraintViolationException invalid) {
    return ProblemMapper.problemFor(invalid).toResponse();
  }
}
