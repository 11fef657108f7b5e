package com.lumiku.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whom a request comes from, for limits per client address: the connection's peer, unless that peer
 * is one of the trusted proxies ({@code lumiku.rate-limits.trusted-proxies}); then the rightmost
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy (the entries left of it are
 * whatever the client chose to send, so they are never believed).
 */
@ApplicationScoped
public class ClientAddresses {

  private final Set<String> trustedProxies;

  @Inject
  ClientAddresses(
      @ConfigProperty(name = "lumiku.rate-limits.trusted-proxies") Optional<String> trusted) {
    // A string split here, not a List: Payara injects an empty list (PAYARA-ARTEMIS-NOTES, trap
    // 13).
    this.trustedProxies =
        trusted.stream()
            .flatMap(list -> Arrays.stream(list.split(",")))
            .map(String::trim)
            .filter(address -> !address.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** For CDI's proxy. */
  ClientAddresses() {
    this.trustedProxies = Set.of();
  }

  public String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  String of(String peer, List<String> forwardedFor) {
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.trim());
        }
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      client = hops.get(i);
      if (!trustedProxies.contains(client)) {
        break;
      }
    }
    return client;
  }
}
