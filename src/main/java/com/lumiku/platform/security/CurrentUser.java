package com.lumiku.platform.security;

import com.lumiku.platform.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the subject of the verified Bearer token of the current request.
 *
 * <p>The token is the request's user principal ({@link Caller#token}), read once per request. It is
 * not injected as a {@link JsonWebToken}: Payara's producer for that looks the bean manager up in
 * JNDI on every request, failing first with an exception whose stack trace alone cost a few percent
 * of an order's CPU (bench/RESULTS.md).
 */
@RequestScoped
public class CurrentUser {

  @Inject HttpServletRequest request;

  private JsonWebToken token;

  private JsonWebToken token() {
    if (token == null) {
      token =
          Caller.token(request)
              .orElseThrow(() -> new IllegalStateException("The request carries no valid token"));
    }
    return token;
  }

  public UUID id() {
    return UUID.fromString(token().getSubject());
  }

  /** The id ({@code jti}) of the caller's token, by which it is revoked. */
  public String tokenId() {
    return token().getTokenID();
  }

  /** When the caller's token expires. */
  public OffsetDateTime tokenExpiresAt() {
    return OffsetDateTime.ofInstant(
        Instant.ofEpochSecond(token().getExpirationTime()), ZoneOffset.UTC);
  }

  /** Whether the caller is an operator (the token's groups hold {@link Roles#ADMIN}). */
  public boolean isAdmin() {
    return Caller.isAdmin(token());
  }
}
