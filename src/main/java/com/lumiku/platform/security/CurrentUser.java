package com.lumiku.platform.security;

import com.lumiku.platform.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the subject of the verified Bearer token of the current request. */
@RequestScoped
public class CurrentUser {

  @Inject JsonWebToken token;

  public UUID id() {
    return UUID.fromString(token.getSubject());
  }

  /** The id ({@code jti}) of the caller's token, by which it is revoked. */
  public String tokenId() {
    return token.getTokenID();
  }

  /** When the caller's token expires. */
  public OffsetDateTime tokenExpiresAt() {
    return OffsetDateTime.ofInstant(
        Instant.ofEpochSecond(token.getExpirationTime()), ZoneOffset.UTC);
  }

  /** Whether the caller is an operator (the token's groups hold {@link Roles#ADMIN}). */
  public boolean isAdmin() {
    return token.getGroups() != null && token.getGroups().contains(Roles.ADMIN);
  }
}
