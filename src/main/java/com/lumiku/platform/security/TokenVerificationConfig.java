package com.lumiku.platform.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT how to verify Lumiku's own tokens: the public half of the {@link
 * SigningKey} and the issuer name, so that no key has to be configured by hand. Its ordinal is low:
 * an explicit {@code mp.jwt.verify.*} setting anywhere else wins (set both {@code
 * mp.jwt.verify.publickey} and {@code mp.jwt.verify.issuer} then).
 */
public class TokenVerificationConfig implements ConfigSource {

  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String ISSUER = "mp.jwt.verify.issuer";

  /** The issuer of every token; {@code LUMIKU_AUTH_ISSUER} or {@code lumiku.auth.issuer}. */
  public static String issuer() {
    return SigningKey.setting("lumiku.auth.issuer", "LUMIKU_AUTH_ISSUER", "lumiku");
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY, ISSUER);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(PUBLIC_KEY, SigningKey.publicKeyPem(), ISSUER, issuer());
  }

  @Override
  public String getValue(String name) {
    return switch (name) {
      case PUBLIC_KEY -> SigningKey.publicKeyPem();
      case ISSUER -> issuer();
      default -> null;
    };
  }

  @Override
  public String getName() {
    return "lumiku-token-verification";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
