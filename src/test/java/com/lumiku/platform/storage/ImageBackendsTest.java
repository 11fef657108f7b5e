package com.lumiku.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the storage mode and checking the S3 settings, before anything is stored. */
class ImageBackendsTest {

  @TempDir Path data;

  private final Map<String, String> settings =
      new HashMap<>(
          Map.of(
              "lumiku.storage.s3.region", "auto",
              "lumiku.storage.s3.prefix", "images/",
              "lumiku.storage.s3.path-style", "true",
              "lumiku.storage.s3.bucket", "pictures",
              "lumiku.storage.s3.access-key", "key-id",
              "lumiku.storage.s3.secret-key", "very-secret"));

  private ImageBackend open(String mode) {
    return ImageBackends.open(mode, data, key -> Optional.ofNullable(settings.get(key)));
  }

  private S3Backend.Settings s3() {
    return S3Backend.Settings.from(key -> Optional.ofNullable(settings.get(key)));
  }

  @Test
  void filesystemKeepsImagesInTheDataFolder() {
    try (ImageBackend backend = open(" filesystem ")) {
      assertThat(backend).isInstanceOf(FileSystemBackend.class);
      assertThat(backend.toString()).endsWith(data.resolve("images").toString());
      assertThat(data.resolve("images")).isDirectory();
    }
  }

  @Test
  void s3KeepsImagesInTheBucket() {
    settings.put("lumiku.storage.s3.endpoint", "http://127.0.0.1:9000");

    try (ImageBackend backend = open("s3")) {
      assertThat(backend).isInstanceOf(S3Backend.class);
      assertThat(backend.toString())
          .contains("pictures", "http://127.0.0.1:9000", "images/")
          .doesNotContain("very-secret");
    }
  }

  @Test
  void refusesAnUnknownMode() {
    assertThatThrownBy(() -> open("r2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("lumiku.storage.mode must be filesystem or s3, not r2");
  }

  @Test
  void s3RefusesToStartWithoutBucketOrCredentialsAndNamesThemAll() {
    settings.remove("lumiku.storage.s3.bucket");
    settings.remove("lumiku.storage.s3.access-key");
    settings.put("lumiku.storage.s3.secret-key", "  ");

    assertThatThrownBy(() -> open("s3"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "lumiku.storage.mode=s3 needs lumiku.storage.s3.bucket (LUMIKU_STORAGE_S3_BUCKET),"
                + " lumiku.storage.s3.access-key (LUMIKU_STORAGE_S3_ACCESS_KEY),"
                + " lumiku.storage.s3.secret-key (LUMIKU_STORAGE_S3_SECRET_KEY)");
  }

  @Test
  void noEndpointMeansAwsS3() {
    settings.put("lumiku.storage.s3.region", "eu-west-1");

    S3Backend.Settings read = s3();

    assertThat(read.endpoint()).isEmpty();
    assertThat(read.region()).isEqualTo("eu-west-1");
    assertThat(read.pathStyle()).isTrue();
  }

  @Test
  void readsTheEndpointAndPathStyle() {
    settings.put("lumiku.storage.s3.endpoint", " https://account.r2.cloudflarestorage.com ");
    settings.put("lumiku.storage.s3.path-style", "false");

    S3Backend.Settings read = s3();

    assertThat(read.endpoint()).contains(URI.create("https://account.r2.cloudflarestorage.com"));
    assertThat(read.pathStyle()).isFalse();
  }

  @Test
  void refusesAnEndpointThatIsNoHttpUrl() {
    for (String endpoint : new String[] {"127.0.0.1:9000", "ftp://host/", "http://", "a b"}) {
      settings.put("lumiku.storage.s3.endpoint", endpoint);

      assertThatThrownBy(this::s3)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("lumiku.storage.s3.endpoint must be an http or https URL");
    }
  }

  @Test
  void refusesAPathStyleThatIsNoBoolean() {
    settings.put("lumiku.storage.s3.path-style", "yes");

    assertThatThrownBy(this::s3)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("lumiku.storage.s3.path-style must be true or false, not yes");
  }

  @Test
  void neverShowsTheSecretKey() {
    assertThat(s3().toString()).contains("key-id").doesNotContain("very-secret");
  }
}
