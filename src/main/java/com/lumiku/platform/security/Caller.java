package com.lumiku.platform.security;

import com.lumiku.platform.Roles;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The verified token of a servlet request, for filters (JAX-RS resources use CurrentUser). */
final class Caller {

  private Caller() {}

  /** The token MicroProfile JWT verified for this request, if it carried a valid one. */
  static Optional<JsonWebToken> token(HttpServletRequest request) {
    if (request.getUserPrincipal() instanceof JsonWebToken token) {
      return Optional.of(token);
    }
    if (request.getUserPrincipal() == null) {
      return Optional.empty();
    }
    // Payara may hand the servlet API a wrapper; Jakarta Security's caller principal is the token.
    return CDI.current().select(SecurityContext.class).get().getCallerPrincipal()
            instanceof JsonWebToken token
        ? Optional.of(token)
        : Optional.empty();
  }

  static boolean isAdmin(JsonWebToken token) {
    return token.getGroups() != null && token.getGroups().contains(Roles.ADMIN);
  }
}
