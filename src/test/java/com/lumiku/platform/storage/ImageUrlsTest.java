package com.lumiku.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonObject;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageUrlsTest {

  private static final String NAME = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.png";
  private static final String THUMBNAIL = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-thumb.png";
  private static final Instant NOW = Instant.parse("2026-03-01T10:02:17Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private static PrivateKey key;
  private static PrivateKey otherKey;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    key = rsa.generateKeyPair().getPrivate();
    otherKey = rsa.generateKeyPair().getPrivate();
  }

  @Test
  void aSignedUrlIsValidUntilItsRoundedUpExpiry() {
    ImageUrls urls = at(NOW);
    String url = urls.signed(NAME);

    assertThat(url).startsWith("/api/images/" + NAME + "?expires=");
    Map<String, String> query = query(url);
    assertThat(query).containsOnlyKeys("expires", "signature");
    assertThat(query.get("signature")).matches("[A-Za-z0-9_-]{43}");
    Instant expires = Instant.ofEpochSecond(Long.parseLong(query.get("expires")));
    assertThat(expires).isEqualTo(Instant.parse("2026-03-01T11:05:00Z"));

    assertThat(urls.validFor(NAME, query.get("expires"), query.get("signature")))
        .contains(Duration.between(NOW, expires));
    assertThat(valid(at(expires.minusMillis(1)), url)).isTrue();
    assertThat(valid(at(expires), url)).as("at its expiry").isFalse();
    assertThat(valid(at(expires.plusSeconds(3600)), url)).isFalse();
  }

  @Test
  void tamperedOrMalformedParametersAreRefused() {
    ImageUrls urls = at(NOW);
    Map<String, String> query = query(urls.signed(NAME));
    String expires = query.get("expires");
    String signature = query.get("signature");

    assertThat(urls.validFor(THUMBNAIL, expires, signature)).as("another name").isEmpty();
    assertThat(urls.validFor(NAME, String.valueOf(Long.parseLong(expires) + 300), signature))
        .as("a later expiry")
        .isEmpty();
    assertThat(urls.validFor(NAME, expires, flipLastCharacter(signature))).isEmpty();
    assertThat(urls.validFor(NAME, expires, signature + "A")).isEmpty();
    assertThat(urls.validFor(NAME, expires, signature.substring(1))).isEmpty();
    assertThat(urls.validFor(NAME, expires, "")).isEmpty();
    assertThat(urls.validFor(NAME, expires, "é/+=" + signature)).isEmpty();
    assertThat(urls.validFor(NAME, null, signature)).isEmpty();
    assertThat(urls.validFor(NAME, expires, null)).isEmpty();
    assertThat(urls.validFor(null, expires, signature)).isEmpty();
    assertThat(urls.validFor(NAME, "", signature)).isEmpty();
    assertThat(urls.validFor(NAME, "soon", signature)).isEmpty();
    assertThat(urls.validFor(NAME, " " + expires, signature)).isEmpty();
    assertThat(urls.validFor(NAME, "99999999999999999999999", signature)).isEmpty();
    assertThat(urls.validFor(NAME, String.valueOf(Long.MAX_VALUE), signature)).isEmpty();
  }

  @Test
  void instancesSharingTheSigningKeyAgreeAndOthersDoNot() {
    String url = at(NOW).signed(NAME);

    assertThat(new ImageUrls(key, HOUR, fixed(NOW)).signed(NAME)).isEqualTo(url);
    assertThat(valid(new ImageUrls(key, Duration.ofMinutes(5), fixed(NOW)), url)).isTrue();
    assertThat(valid(new ImageUrls(otherKey, HOUR, fixed(NOW)), url)).isFalse();
  }

  @Test
  void anExpiredUrlCanBeSignedOnPurposeAndIsRefused() {
    ImageUrls urls = at(NOW);
    String expired = urls.sign(NAME, NOW.minusSeconds(1));
    String current = urls.sign(NAME, NOW.plusSeconds(90));

    assertThat(valid(urls, expired)).isFalse();
    Map<String, String> query = query(current);
    assertThat(urls.validFor(NAME, query.get("expires"), query.get("signature")))
        .contains(Duration.ofSeconds(90));
  }

  /** Expiries over 2,000 random instants: one lifetime away, on a step, the same within a step. */
  @Test
  void expiriesAreRoundedUpToTheStepSoAnswersRepeatTheSameUrl() {
    Random random = new Random(20260301);
    for (Duration lifetime : new Duration[] {HOUR, Duration.ofSeconds(90), Duration.ofDays(2)}) {
      long step = Math.min(ImageUrls.LONGEST_STEP.toSeconds(), lifetime.toSeconds());
      for (int i = 0; i < 2_000; i++) {
        Instant now = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000));
        now = now.plusMillis(random.nextInt(1000));
        ImageUrls urls = new ImageUrls(key, lifetime, fixed(now));
        Instant expiry = urls.expiry(now);

        assertThat(expiry).isAfterOrEqualTo(now.plus(lifetime));
        assertThat(expiry).isBefore(now.plus(lifetime).plusSeconds(step));
        assertThat(expiry.getEpochSecond() % step).isZero();
        assertThat(expiry.getNano()).isZero();
        Duration slack = Duration.between(now.plus(lifetime), expiry);
        Instant laterInTheStep = now.plusMillis((long) (random.nextDouble() * slack.toMillis()));
        assertThat(new ImageUrls(key, lifetime, fixed(laterInTheStep)).signed(NAME))
            .isEqualTo(urls.signed(NAME));
        Instant nextStep = now.plus(slack).plusSeconds(1);
        assertThat(new ImageUrls(key, lifetime, fixed(nextStep)).signed(NAME))
            .as("the next step")
            .isNotEqualTo(urls.signed(NAME));
      }
    }
  }

  @Test
  void signAllSignsTheImagePathsOfUrlFieldsOnly() {
    ImageUrls urls = at(NOW);
    String signedAlready = urls.sign(THUMBNAIL, NOW.plusSeconds(60));
    JsonObject stored =
        JsonDocuments.object()
            .add("avatarId", "a1")
            .add("imageUrl", ImagesResource.url(NAME))
            .add("thumbnailUrl", ImagesResource.url(THUMBNAIL))
            .add("name", ImagesResource.url(NAME))
            .add("previewUrl", "/api/apps/pose-generator/library/p1/preview.png")
            .add("otherUrl", "/api/images/")
            .add("laterUrl", signedAlready)
            .add("seed", 42)
            .add(
                "parts",
                JsonDocuments.array()
                    .add(JsonDocuments.object().add("imageUrl", ImagesResource.url(NAME)))
                    .add(ImagesResource.url(NAME)))
            .add("nested", JsonDocuments.object().add("thumbnailUrl", ImagesResource.url(NAME)))
            .addNull("emptyUrl")
            .build();

    JsonObject shown = urls.signAll(stored);

    assertThat(shown.getString("imageUrl")).isEqualTo(urls.signed(NAME));
    assertThat(shown.getString("thumbnailUrl")).isEqualTo(urls.signed(THUMBNAIL));
    assertThat(shown.getString("name")).as("users' text").isEqualTo(ImagesResource.url(NAME));
    assertThat(shown.getString("previewUrl")).isEqualTo(stored.getString("previewUrl"));
    assertThat(shown.getString("otherUrl")).isEqualTo("/api/images/");
    assertThat(shown.getString("laterUrl")).isEqualTo(signedAlready);
    assertThat(shown.getInt("seed")).isEqualTo(42);
    assertThat(shown.getJsonArray("parts").getJsonObject(0).getString("imageUrl"))
        .isEqualTo(urls.signed(NAME));
    assertThat(shown.getJsonArray("parts").getString(1)).isEqualTo(ImagesResource.url(NAME));
    assertThat(shown.getJsonObject("nested").getString("thumbnailUrl"))
        .isEqualTo(urls.signed(NAME));
    assertThat(shown.isNull("emptyUrl")).isTrue();
    assertThat(shown.keySet()).containsExactlyElementsOf(stored.keySet());
    assertThat(urls.signAll(null)).isNull();
  }

  @Test
  void aLifetimeUnderASecondIsRefused() {
    assertThatThrownBy(() -> new ImageUrls(key, Duration.ofMillis(500), fixed(NOW)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lumiku.images.url-lifetime");
    assertThatThrownBy(() -> new ImageUrls(key, Duration.ZERO, fixed(NOW)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static ImageUrls at(Instant now) {
    return new ImageUrls(key, HOUR, fixed(now));
  }

  private static Clock fixed(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  private static boolean valid(ImageUrls urls, String url) {
    Map<String, String> query = query(url);
    String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    return urls.validFor(name, query.get("expires"), query.get("signature")).isPresent();
  }

  private static Map<String, String> query(String url) {
    Map<String, String> query = new HashMap<>();
    for (String parameter : url.substring(url.indexOf('?') + 1).split("&")) {
      String[] pair = parameter.split("=", 2);
      query.put(pair[0], pair[1]);
    }
    return query;
  }

  private static String flipLastCharacter(String text) {
    char last = text.charAt(text.length() - 1);
    return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
  }
}
