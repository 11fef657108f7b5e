package com.lumiku.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps the operators' documents for operators: Payara serves {@code /metrics} (pool sizes, work
 * counts) and {@code /openapi} (the whole route map) inside this application's context, open to
 * anyone unless something stops them. Without a valid token the answer is 401, with a user's 403,
 * an admin's passes; {@code /health/*} stays open for probes.
 */
@WebFilter(
    filterName = "OperationsGuard",
    asyncSupported = true,
    urlPatterns = {"/metrics", "/metrics/*", "/openapi", "/openapi/*"})
public class OperationsGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<JsonWebToken> token = Caller.token(request);
    if (token.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    } else if (!Caller.isAdmin(token.get())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    } else {
      chain.doFilter(request, response);
    }
  }
}
