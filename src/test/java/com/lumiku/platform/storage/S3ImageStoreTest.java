package com.lumiku.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.storage.ImageStore.StoredImage;
import com.lumiku.testing.TestS3;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The image store in an S3-compatible bucket ({@code lumiku.storage.mode=s3}) on a real server:
 * S3Proxy, started by bin/s3 for this class. Each test has keys of its own (a new prefix).
 */
class S3ImageStoreTest extends ImageStoreContract {

  private static final String BUCKET = "lumiku-test";

  @TempDir static Path serverFolder;
  private static TestS3 server;

  private String prefix;

  @BeforeAll
  static void startServer() {
    server = TestS3.start(serverFolder.toString(), BUCKET);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  static S3Backend.Settings settings(String bucket, String prefix) {
    return S3Backend.Settings.from(
        key ->
            Optional.ofNullable(
                Map.of(
                        "lumiku.storage.s3.endpoint",
                        server.endpoint().toString(),
                        "lumiku.storage.s3.region",
                        "auto",
                        "lumiku.storage.s3.bucket",
                        bucket,
                        "lumiku.storage.s3.access-key",
                        TestS3.ACCESS_KEY,
                        "lumiku.storage.s3.secret-key",
                        TestS3.SECRET_KEY,
                        "lumiku.storage.s3.prefix",
                        prefix,
                        "lumiku.storage.s3.path-style",
                        "true")
                    .get(key)));
  }

  @Override
  ImageBackend backend() {
    prefix = "images-" + UUID.randomUUID() + "/";
    return new S3Backend(settings(BUCKET, prefix));
  }

  @Override
  ImageBackend brokenBackend() {
    return new S3Backend(settings("no-such-bucket", "images/"));
  }

  private List<String> keys() {
    return ((S3Backend) backend)
            .client()
            .listObjectsV2(request -> request.bucket(BUCKET).prefix(prefix))
            .contents()
            .stream()
            .map(S3Object::key)
            .sorted()
            .toList();
  }

  @Test
  void keepsImagesAsObjectsUnderTheKeyPrefix() {
    StoredImage image = store.store(bytes(10), bytes(10));
    store.isWritable();

    assertThat(keys())
        .containsExactlyInAnyOrder(prefix + image.image(), prefix + image.thumbnail());
  }

  @Test
  void refusesWrongCredentials() {
    S3Backend.Settings right = settings(BUCKET, prefix);
    S3Backend.Settings wrong =
        new S3Backend.Settings(
            right.endpoint(),
            right.region(),
            right.bucket(),
            right.accessKey(),
            "not-the-secret",
            right.prefix(),
            right.pathStyle());
    try (S3Backend intruder = new S3Backend(wrong)) {
      assertThat(intruder.probe()).isFalse();
    }
  }
}
