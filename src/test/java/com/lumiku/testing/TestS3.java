package com.lumiku.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

/**
 * A real S3-compatible server for tests: S3Proxy in its own JVM, started and stopped through bin/s3
 * (the script ./run uses), on a free port of 127.0.0.1, its objects under {@code dir}.
 */
public final class TestS3 implements AutoCloseable {

  public static final String ACCESS_KEY = "lumiku-test";
  public static final String SECRET_KEY = "lumiku-test-secret";

  private final String dir;
  private final URI endpoint;

  private TestS3(String dir, URI endpoint) {
    this.dir = dir;
    this.endpoint = endpoint;
  }

  /**
   * Starts a server that accepts {@link #ACCESS_KEY} and {@link #SECRET_KEY}, with the bucket (as
   * ./run gets its own: no client needs the right to create buckets).
   */
  public static TestS3 start(String dir, String bucket) {
    int port = freePort();
    ProjectScripts.run(
        Map.of(
            "LUMIKU_STORAGE_S3_ACCESS_KEY", ACCESS_KEY,
            "LUMIKU_STORAGE_S3_SECRET_KEY", SECRET_KEY,
            "LUMIKU_STORAGE_S3_BUCKET", bucket),
        "s3",
        "start",
        dir,
        String.valueOf(port));
    return new TestS3(dir, URI.create("http://127.0.0.1:" + port));
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    ProjectScripts.run("s3", "stop", dir);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
