package com.lumiku.platform.storage;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.security.SigningKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived signed URLs of stored images: {@code /api/images/{name}?expires=<epoch
 * seconds>&signature=<base64url HMAC-SHA256 of name, "\n", expires>}. A browser's {@code <img>}
 * cannot send a Bearer token, so the URL itself is the permission: the API hands it out only in
 * answers to whoever may see the image, and whoever holds it can fetch the image until it expires.
 *
 * <p>The expiry is {@code lumiku.images.url-lifetime} from now, rounded up to the next multiple of
 * {@link #LONGEST_STEP} (or of the lifetime, if shorter): every answer within one step hands out
 * the same URL, so a browser fetches a picture once per step however often a page lists it.
 *
 * <p>Stored data never holds a signed URL (it would expire): workers store the unsigned path of
 * {@link ImagesResource#url}, and the answers that show it sign it on the way out ({@link
 * #signAll}).
 */
@ApplicationScoped
public class ImageUrls {

  /** The longest rounding step of an expiry: URLs live at most this much beyond the lifetime. */
  static final Duration LONGEST_STEP = Duration.ofMinutes(5);

  static final String EXPIRES = "expires";
  static final String SIGNATURE = "signature";

  /** What the URL key is derived for; a new label (or signing key) voids every URL handed out. */
  private static final byte[] LABEL =
      "lumiku image URL signing key v1".getBytes(StandardCharsets.US_ASCII);

  private static final String HMAC = "HmacSHA256";
  private static final String URL_SUFFIX = "Url";

  /** What a stored image's name is made of: a path with anything else is not an image's. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  @Inject
  @ConfigProperty(name = "lumiku.images.url-lifetime")
  Duration lifetime;

  private SecretKeySpec key;
  private Clock clock = Clock.systemUTC();

  /** For CDI. */
  public ImageUrls() {}

  /** URLs signed with a key derived from this signing key, as every instance sharing it does. */
  ImageUrls(PrivateKey signingKey, Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
    this.key = derive(signingKey);
    checkLifetime();
  }

  @PostConstruct
  void open() {
    key = derive(SigningKey.current().getPrivate());
    checkLifetime();
  }

  /**
   * Creates the bean (reading its setting, deriving its key) on the deploying thread: live updates
   * sign on the broker listener's thread, where a bean first created might not see the WAR's own
   * settings (trap 14 of PAYARA-ARTEMIS-NOTES); and a bad lifetime stops the deployment.
   */
  void createAtDeployment(@Observes Startup startup) {
    // Nothing to do: observing the event is what creates the bean now.
  }

  /**
   * The key of image URLs, derived from the deployment's token signing key (HMAC-SHA256 keyed with
   * its private key's encoding, over a fixed label). Every instance already shares that key, so
   * they all sign and accept the same URLs without a second secret to generate, distribute and
   * rotate; the derivation is one-way, so nothing about the RSA key can be learned from the URLs,
   * and replacing the signing key also voids every image URL handed out.
   */
  static SecretKeySpec derive(PrivateKey signingKey) {
    return new SecretKeySpec(hmac(new SecretKeySpec(signingKey.getEncoded(), HMAC), LABEL), HMAC);
  }

  /** The signed URL of the image with this name, expiring one lifetime from now (rounded up). */
  public String signed(String name) {
    return sign(name, expiry(clock.instant()));
  }

  /**
   * A copy of a stored document (a generation's or job's result) with every unsigned image path
   * signed: the string values of fields named {@code ...Url} that are exactly {@link
   * ImagesResource#url} of a name, in the document and in the objects it contains. Only such
   * fields: they are written by the application's own code, whereas other strings may come from
   * users (an avatar's name), and a user who named their avatar after somebody else's image path
   * must not get it signed.
   */
  public JsonObject signAll(JsonObject document) {
    return document == null ? null : signAll(document, expiry(clock.instant()));
  }

  /**
   * How long a URL with these parameters may still be used, or empty if it may not: the signature
   * is not the one of this name and expiry (or the parameters are missing or malformed), or it has
   * expired. The caller answers every "no" alike, so that no answer tells whether an image exists.
   */
  public Optional<Duration> validFor(String name, String expires, String signature) {
    if (name == null || expires == null || signature == null) {
      return Optional.empty();
    }
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    byte[] expected = signature(name, expiresAt).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    if (expiresAt > Instant.MAX.getEpochSecond()) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), Instant.ofEpochSecond(expiresAt));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  /** The URL of the image with this name, valid until {@code expiresAt} (whole seconds). */
  String sign(String name, Instant expiresAt) {
    long seconds = expiresAt.getEpochSecond();
    return ImagesResource.url(name)
        + "?"
        + EXPIRES
        + "="
        + seconds
        + "&"
        + SIGNATURE
        + "="
        + signature(name, seconds);
  }

  /** One lifetime after {@code now}, rounded up to the next multiple of the step. */
  Instant expiry(Instant now) {
    long step = Math.min(LONGEST_STEP.toSeconds(), lifetime.toSeconds());
    Instant until = now.plus(lifetime);
    long end = until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0);
    return Instant.ofEpochSecond(Math.floorDiv(end + step - 1, step) * step);
  }

  private JsonObject signAll(JsonObject document, Instant expiresAt) {
    JsonObjectBuilder copy = JsonDocuments.object();
    document.forEach((field, value) -> copy.add(field, signed(field, value, expiresAt)));
    return copy.build();
  }

  private JsonValue signed(String field, JsonValue value, Instant expiresAt) {
    switch (value.getValueType()) {
      case OBJECT:
        return signAll(value.asJsonObject(), expiresAt);
      case ARRAY:
        JsonArrayBuilder items = JsonDocuments.array();
        for (JsonValue item : (JsonArray) value) {
          items.add(signed(null, item, expiresAt));
        }
        return items.build();
      case STRING:
        String text = ((JsonString) value).getString();
        return field != null && field.endsWith(URL_SUFFIX) && isUnsignedPath(text)
            ? JsonDocuments.string(sign(nameOf(text), expiresAt))
            : value;
      default:
        return value;
    }
  }

  private static boolean isUnsignedPath(String text) {
    String name = nameOf(text);
    return FILE_NAME.matcher(name).matches() && text.equals(ImagesResource.url(name));
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private String signature(String name, long expiresAt) {
    byte[] signed = hmac(key, (name + "\n" + expiresAt).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private void checkLifetime() {
    if (lifetime == null || lifetime.toSeconds() < 1) {
      throw new IllegalStateException(
          "lumiku.images.url-lifetime must be at least one second, not " + lifetime);
    }
  }
}
