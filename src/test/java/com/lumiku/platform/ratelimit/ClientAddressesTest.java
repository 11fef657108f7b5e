package com.lumiku.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  final ClientAddresses behindProxies = new ClientAddresses(Optional.of(" 10.0.0.2, 10.0.0.3 ,"));

  @Test
  void theConnectionsPeerWhenNoProxyIsTrusted() {
    ClientAddresses direct = new ClientAddresses(Optional.empty());
    assertThat(direct.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
  }

  @Test
  void forwardedForIsIgnoredFromAnUntrustedPeer() {
    assertThat(behindProxies.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
  }

  @Test
  void theRightmostUntrustedHopBehindTrustedProxies() {
    assertThat(behindProxies.of("10.0.0.2", List.of("6.6.6.6, 198.51.100.1", "10.0.0.3")))
        .as("the client's own claim (6.6.6.6) is not believed")
        .isEqualTo("198.51.100.1");
  }

  @Test
  void thePeerWhenATrustedProxySendsNoForwardedFor() {
    assertThat(behindProxies.of("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
  }

  @Test
  void theLeftmostHopWhenEveryHopIsATrustedProxy() {
    assertThat(behindProxies.of("10.0.0.2", List.of("10.0.0.3"))).isEqualTo("10.0.0.3");
  }
}
