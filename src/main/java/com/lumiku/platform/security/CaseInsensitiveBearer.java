package com.lumiku.platform.security;

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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara's MicroProfile JWT mechanism, shown the {@code Authorization} header with its scheme in
 * the canonical case: it recognises only {@code "Bearer "}, while HTTP schemes are case-insensitive
 * (RFC 9110), so {@code bearer} or {@code BEARER} would leave the caller anonymous. Everything else
 * (reading, verifying and trusting the token) is Payara's mechanism, unchanged: this bean takes its
 * place (an enabled alternative, and named in web.xml as {@code fish.payara.security.mechanism})
 * and hands every call to it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class CaseInsensitiveBearer implements HttpAuthenticationMechanism {

  private static final Pattern SCHEME = Pattern.compile("(?i)bearer[ \\t]+(.*)", Pattern.DOTALL);

  private static final String PAYARA_MECHANISM =
      "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";

  @Inject BeanManager beans;

  private volatile HttpAuthenticationMechanism payara;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return payara().validateRequest(canonical(request), response, context);
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
    return bearer.matches() ? "Bearer " + bearer.group(1).strip() : header;
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
