package com.lumiku.platform.security;

import com.lumiku.platform.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the subject of the verified Bearer token of the current request. */
@RequestScoped
public class CurrentUser {

  @Inject JsonWebToken token;

  public UUID id() {
    return UUID.fromString(token.getSubject());
  }

  /** Whether the caller is an operator (the token's groups hold {@link Roles#ADMIN}). */
  public boolean isAdmin() {
    return token.getGroups() != null && token.getGroups().contains(Roles.ADMIN);
  }
}
