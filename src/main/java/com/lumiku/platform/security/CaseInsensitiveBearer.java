package com.lumiku.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.jwt.config.Names;

/**
 * Payara's MicroProfile JWT mechanism, shown the {@code Authorization} header with its scheme in
 * the canonical case, and asked about each token only once. This bean takes its place (an enabled
 * alternative, and named in web.xml as {@code fish.payara.security.mechanism}) and hands calls to
 * it.
 *
 * <p>The scheme: Payara recognises only {@code "Bearer "}, while HTTP schemes are case-insensitive
 * (RFC 9110), so {@code bearer} or {@code BEARER} would leave the caller anonymous.
 *
 * <p>Once: a client sends the same token with every request, and parsing it and verifying its RS256
 * signature each time was a good part of a request's CPU. What Payara's verification made of a
 * token (the {@link JsonWebToken} as caller principal, and its groups) is kept in {@link
 * VerifiedTokens} until the token expires ({@code lumiku.auth.token-cache.size} entries at most); a
 * token seen again is handed to the container exactly as Payara's mechanism hands it over
 * (principal added to the client subject, then {@code notifyContainerAboutLogin} with that result),
 * so {@code @Inject JsonWebToken}, the request's user principal, {@code isUserInRole} and
 * {@code @RolesAllowed} see the same. A token Payara refuses is never kept, and an expired one is
 * never served. Revocation is checked per request by {@link RevokedTokenFilter}, after this.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class CaseInsensitiveBearer implements HttpAuthenticationMechanism {

  private static final Pattern SCHEME = Pattern.compile("(?i)bearer[ \\t]+(.*)", Pattern.DOTALL);

  private static final String PAYARA_MECHANISM =
      "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";

  private static final String BEARER = "Bearer ";

  @Inject BeanManager beans;

  @Inject
  @ConfigProperty(name = "lumiku.auth.token-cache.size")
  int cacheSize;

  /** Payara reads the token from a cookie instead when this says {@code Cookie}: no cache then. */
  @Inject
  @ConfigProperty(name = Names.TOKEN_HEADER)
  Optional<String> tokenHeader;

  /** How old a token may be ({@code iat} + this), if the deployment limits it. */
  @Inject
  @ConfigProperty(name = Names.TOKEN_AGE)
  Optional<Long> tokenAge;

  private volatile HttpAuthenticationMechanism payara;
  private VerifiedTokens verified;

  @PostConstruct
  void createCache() {
    verified = new VerifiedTokens(cacheSize, Clock.systemUTC());
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    HttpServletRequest canonical = canonical(request);
    String token = bearerToken(canonical);
    if (token == null) {
      return payara().validateRequest(canonical, response, context);
    }
    VerifiedTokens.Key key = VerifiedTokens.key(token);
    Optional<CredentialValidationResult> known = verified.find(key);
    if (known.isPresent()) {
      // What Payara's mechanism does with a valid result of its identity store.
      context.getClientSubject().getPrincipals().add(known.get().getCallerPrincipal());
      return context.notifyContainerAboutLogin(known.get());
    }
    return payara().validateRequest(canonical, response, rememberingValid(context, key));
  }

  /** The context Payara reports to, which keeps what it accepts (nothing it refuses). */
  private HttpMessageContext rememberingValid(HttpMessageContext context, VerifiedTokens.Key key) {
    return new HttpMessageContextWrapper(context) {
      @Override
      public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        AuthenticationStatus status = super.notifyContainerAboutLogin(result);
        if (status == AuthenticationStatus.SUCCESS
            && result.getStatus() == CredentialValidationResult.Status.VALID
            && result.getCallerPrincipal() instanceof JsonWebToken jwt) {
          verified.remember(
              key,
              result,
              VerifiedTokens.deadline(
                  jwt.getExpirationTime(),
                  jwt.getIssuedAtTime(),
                  tokenAge.map(OptionalLong::of).orElse(OptionalLong.empty())));
        }
        return status;
      }
    };
  }

  /** The token as Payara's mechanism takes it from the canonical header; null if it takes none. */
  private String bearerToken(HttpServletRequest canonical) {
    if (tokenHeader.isPresent() && !"Authorization".equals(tokenHeader.get())) {
      return null;
    }
    String header = canonical.getHeader("Authorization");
    if (header == null || !header.startsWith(BEARER) || header.length() == BEARER.length()) {
      return null;
    }
    return header.substring(BEARER.length());
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return payara().secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    payara().cleanSubject(request, response, context);
  }

  /** The header as Payara expects it, or the request as it is when nothing needs changing. */
  static HttpServletRequest canonical(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String canonical = canonicalAuthorization(header);
    if (header == null || header.equals(canonical)) {
      return request;
    }
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getHeader(String name) {
        return "authorization".equals(name.toLowerCase(Locale.ROOT))
            ? canonical
            : super.getHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return "authorization".equals(name.toLowerCase(Locale.ROOT))
            ? Collections.enumeration(List.of(canonical))
            : super.getHeaders(name);
      }
    };
  }

  /** {@code "Bearer <token>"} for any case of the scheme and any spaces after it. */
  static String canonicalAuthorization(String header) {
    if (header == null) {
      return null;
    }
    Matcher bearer = SCHEME.matcher(header.strip());
    return bearer.matches() ? BEARER + bearer.group(1).strip() : header;
  }

  private HttpAuthenticationMechanism payara() {
    HttpAuthenticationMechanism mechanism = payara;
    if (mechanism == null) {
      Bean<?> bean =
          beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
              .filter(
                  candidate ->
                      candidate.getTypes().stream()
                          .anyMatch(type -> type.getTypeName().equals(PAYARA_MECHANISM)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "MicroProfile JWT's authentication mechanism is missing"));
      mechanism =
          (HttpAuthenticationMechanism)
              beans.getReference(
                  bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
      payara = mechanism;
    }
    return mechanism;
  }
}
