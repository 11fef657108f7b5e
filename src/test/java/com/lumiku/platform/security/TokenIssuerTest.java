package com.lumiku.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {

  @Test
  void issuesRs256TokensThatThePublishedKeyVerifies() throws Exception {
    TokenIssuer issuer = new TokenIssuer();
    issuer.lifetime = Duration.ofHours(1);
    UUID user = UUID.randomUUID();

    SignedJWT token = SignedJWT.parse(issuer.issue(user, "ann@example.com", "user"));

    RSAPublicKey published =
        (RSAPublicKey) SigningKey.fromPem(pkcs8Pem()).getPublic(); // any key: must NOT verify
    assertThat(token.verify(new RSASSAVerifier(published))).isFalse();
    RSAPublicKey ours = (RSAPublicKey) SigningKey.current().getPublic();
    assertThat(token.verify(new RSASSAVerifier(ours))).isTrue();
    assertThat(SigningKey.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");

    assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(token.getHeader().getType().getType()).isEqualTo("JWT");
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(user.toString());
    assertThat(claims.getIssuer()).isEqualTo(TokenVerificationConfig.issuer());
    assertThat(claims.getStringClaim("upn")).isEqualTo("ann@example.com");
    assertThat(claims.getStringListClaim("groups")).isEqualTo(List.of("user"));
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getExpirationTime())
        .isAfter(new Date())
        .isBefore(new Date(System.currentTimeMillis() + 3_700_000));
  }

  @Test
  void readsAPkcs8PemKeyAndRejectsAnythingElse() throws Exception {
    String pem = pkcs8Pem();
    assertThat(SigningKey.fromPem(pem).getPublic().getAlgorithm()).isEqualTo("RSA");
    assertThatThrownBy(
            () ->
                SigningKey.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
        .isInstanceOf(IllegalStateException.class);
  }

  private static String pkcs8Pem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }
}
