package com.lumiku.platform.security;

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
}
