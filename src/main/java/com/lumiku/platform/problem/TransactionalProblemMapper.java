package com.lumiku.platform.problem;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Takes a failed commit of a {@code @Transactional} method (e.g. the broker failing over during the
 * two-phase commit: its prepare fails, the transaction rolls back) away from Jersey's own mapper
 * for it, which rethrows it when it finds no mapper for the cause and so answers a bare 500.
 * Rendered like every other problem: a rolled-back transaction is a 503, retry later
 * (docs/broker-ha.md).
 */
@Provider
public class TransactionalProblemMapper implements ExceptionMapper<TransactionalException> {

  @Override
  public Response toResponse(TransactionalException failed) {
    return ProblemMapper.problemFor(failed).toResponse();
  }
}
