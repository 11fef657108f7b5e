package com.lumiku.platform.security;

import com.lumiku.platform.problem.ContainerErrorPage;
import com.lumiku.platform.problem.ProblemMapper;
import jakarta.inject.Inject;
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
 * Refuses a verified token that was revoked (logged out): MicroProfile JWT has checked its
 * signature, issuer and expiry before any filter runs (or {@link CaseInsensitiveBearer} found it
 * checked before and not yet expired), and this adds the one thing it cannot know. It asks the
 * database on every request, whether or not the verification was remembered, so a logout holds at
 * once on every instance. It covers every address of the application (the API, its streams, and the
 * metrics and OpenAPI documents, which Payara serves in this application's context). The answer is
 * the container's 401 problem document (web.xml error pages), the same as for an expired token.
 */
@WebFilter(filterName = "RevokedTokenFilter", urlPatterns = "/*", asyncSupported = true)
public class RevokedTokenFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient Sessions sessions;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<JsonWebToken> token = Caller.token(request);
    if (token.isPresent()) {
      String id = token.get().getTokenID();
      boolean revoked;
      try {
        revoked = id == null || sessions.isRevoked(id);
      } catch (RuntimeException failure) {
        // The denylist cannot be read (the database is away): no token passes unchecked; the
        // answer is the API's own (a 503 to retry for an outage, as a charge would get).
        ContainerErrorPage.write(response, ProblemMapper.problemFor(failure));
        return;
      }
      if (revoked) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
