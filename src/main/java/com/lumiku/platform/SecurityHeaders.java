package com.lumiku.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser-side protections on every answer: a Content-Security-Policy that runs only the
 * application's own script files (plus the page's import map, allowed by its hash, computed here
 * from {@code index.html} so that editing the map cannot break the page) and no inline script or
 * style, framing refused ({@code frame-ancestors 'none'}, and {@code X-Frame-Options} for older
 * browsers), no MIME sniffing, no referrer leaving the site, and no powerful browser features.
 *
 * <p>A resource that sets its own policy (the payment simulator's page) replaces the default one
 * (Jersey sets a header that is already there rather than adding a second, which browsers would
 * enforce too). The web app uses no cookies.
 */
@WebFilter(
    filterName = "SecurityHeaders",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

  private String policy;

  @Override
  public void init() {
    try (InputStream page = getServletContext().getResourceAsStream("/index.html")) {
      String html = page == null ? "" : new String(page.readAllBytes(), StandardCharsets.UTF_8);
      policy = policy(inlineScriptHashes(html));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(CONTENT_SECURITY_POLICY, policy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader(
        "Permissions-Policy",
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(),"
            + " microphone=(), payment=(), usb=()");
    chain.doFilter(request, response);
  }

  /** The policy, allowing the inline scripts with these hashes ({@code sha256-...}). */
  static String policy(List<String> scriptHashes) {
    StringBuilder scripts = new StringBuilder("'self'");
    for (String hash : scriptHashes) {
      scripts.append(" '").append(hash).append('\'');
    }
    return "default-src 'self'; script-src "
        + scripts
        + "; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self';"
        + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  /** The CSP hashes of a page's inline scripts (the import map), as browsers compute them. */
  static List<String> inlineScriptHashes(String html) {
    List<String> hashes = new ArrayList<>();
    Matcher script = INLINE_SCRIPT.matcher(html);
    while (script.find()) {
      hashes.add("sha256-" + Base64.getEncoder().encodeToString(Sha256.of(script.group(1))));
    }
    return hashes;
  }
}
