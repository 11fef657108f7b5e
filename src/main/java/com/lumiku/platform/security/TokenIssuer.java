package com.lumiku.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the Bearer tokens that MicroProfile JWT verifies: RS256-signed with the {@link
 * SigningKey}, carrying the user id as subject and the role in {@code groups}.
 */
@ApplicationScoped
public class TokenIssuer {

  @Inject
  @ConfigProperty(name = "lumiku.auth.token-lifetime")
  Duration lifetime;

  /** How long an access token lives. */
  public Duration lifetime() {
    return lifetime;
  }

  /** A signed token for the user, with a random id ({@code jti}) by which it can be revoked. */
  public String issue(UUID userId, String email, String role) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(TokenVerificationConfig.issuer())
            .subject(userId.toString())
            .claim("upn", email)
            .claim("groups", List.of(role))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build();
    SignedJWT token = new SignedJWT(header, claims);
    try {
      token.sign(new RSASSASigner(SigningKey.current().getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
    return token.serialize();
  }
}
