package com.lumiku.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseInsensitiveBearerTest {

  @Test
  void theSchemeInAnyCaseBecomesTheOnePayaraReads() {
    assertThat(CaseInsensitiveBearer.canonicalAuthorization("bearer a.b.c"))
        .isEqualTo("Bearer a.b.c");
    assertThat(CaseInsensitiveBearer.canonicalAuthorization("BEARER  a.b.c "))
        .isEqualTo("Bearer a.b.c");
    assertThat(CaseInsensitiveBearer.canonicalAuthorization("Bearer a.b.c"))
        .isEqualTo("Bearer a.b.c");
  }

  @Test
  void otherSchemesAndNothingStayAsTheyAre() {
    assertThat(CaseInsensitiveBearer.canonicalAuthorization("Basic dXNlcjpwYXNz"))
        .isEqualTo("Basic dXNlcjpwYXNz");
    assertThat(CaseInsensitiveBearer.canonicalAuthorization("Bearerish x"))
        .isEqualTo("Bearerish x");
    assertThat(CaseInsensitiveBearer.canonicalAuthorization(null)).isNull();
  }
}
