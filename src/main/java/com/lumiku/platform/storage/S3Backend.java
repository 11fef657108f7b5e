package com.lumiku.platform.storage;

import com.lumiku.platform.problem.DependencyUnavailable;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Images as objects in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO, ...), each under the
 * key prefix plus its name. A PUT of an object is atomic (readers see the old object, none, or the
 * whole new one), so no temporary key is needed.
 */
final class S3Backend implements ImageBackend {

  private static final Logger LOG = Logger.getLogger(S3Backend.class.getName());

  // A request waits on the store: fail fast when the server is away (the SDK retries a few times).
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final S3Client client;
  private final String bucket;
  private final String prefix;
  private final String where;

  S3Backend(Settings settings) {
    this.bucket = settings.bucket();
    this.prefix = settings.prefix();
    this.where =
        "the bucket "
            + bucket
            + " at "
            + settings.endpoint().map(URI::toString).orElse("AWS S3 (" + settings.region() + ")")
            + ", keys "
            + prefix
            + "*";
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT))
            .region(Region.of(settings.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
            .forcePathStyle(settings.pathStyle())
            // S3-compatible servers do not all know the newer checksum headers; TLS (or, over
            // http, SigV4's payload signature) guards the bytes, so checksums only where required.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    settings.endpoint().ifPresent(builder::endpointOverride);
    this.client = builder.build();
  }

  @Override
  public void put(String name, byte[] content) {
    try {
      // The store keeps PNGs only (its names end in .png); the type helps whoever lists the bucket.
      client.putObject(
          request -> request.bucket(bucket).key(prefix + name).contentType("image/png"),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw unavailable("store", name, e);
    }
  }

  @Override
  public Optional<InputStream> get(String name) {
    try {
      return Optional.of(client.getObject(request -> request.bucket(bucket).key(prefix + name)));
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw unavailable("read", name, e);
    } catch (SdkException e) {
      throw unavailable("read", name, e);
    }
  }

  @Override
  public void delete(String name) {
    try {
      // S3 answers a DELETE of an absent key with success.
      client.deleteObject(request -> request.bucket(bucket).key(prefix + name));
    } catch (SdkException e) {
      throw unavailable("remove", name, e);
    }
  }

  /** The bucket failed us (unreachable, refusing, throttling): a 503 for the request. */
  private DependencyUnavailable unavailable(String action, String name, SdkException e) {
    return new DependencyUnavailable("Cannot " + action + " image " + name + " in " + where, e);
  }

  @Override
  public boolean probe() {
    // A name the store never makes (its names do not start with a dot), removed at once.
    String key = prefix + ".probe-" + UUID.randomUUID();
    try {
      client.putObject(request -> request.bucket(bucket).key(key), RequestBody.empty());
      client.deleteObject(request -> request.bucket(bucket).key(key));
      return true;
    } catch (SdkException e) {
      LOG.log(Level.WARNING, "Images cannot be stored in {0}: {1}", new Object[] {where, e});
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** The client, for tests that prepare or inspect the bucket. */
  S3Client client() {
    return client;
  }

  @Override
  public String toString() {
    return where;
  }

  /**
   * The {@code lumiku.storage.s3.*} settings (defaults in microprofile-config.properties).
   *
   * @param endpoint the server (R2, MinIO, ...); empty for AWS S3
   * @param prefix what every key starts with
   * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}
   */
  record Settings(
      Optional<URI> endpoint,
      String region,
      String bucket,
      String accessKey,
      String secretKey,
      String prefix,
      boolean pathStyle) {

    static final String KEYS = "lumiku.storage.s3.";

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalStateException naming every setting that is missing or wrong
     */
    static Settings from(Function<String, Optional<String>> settings) {
      List<String> missing = new ArrayList<>();
      Function<String, String> required =
          key -> {
            Optional<String> value = settings.apply(KEYS + key).map(String::strip);
            if (value.isEmpty() || value.get().isEmpty()) {
              missing.add(KEYS + key + " (" + environmentName(key) + ")");
              return "";
            }
            return value.get();
          };
      String region = required.apply("region");
      String bucket = required.apply("bucket");
      String accessKey = required.apply("access-key");
      String secretKey = required.apply("secret-key");
      String prefix = required.apply("prefix");
      String pathStyle = required.apply("path-style");
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "lumiku.storage.mode=s3 needs " + String.join(", ", missing));
      }
      if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
        throw new IllegalStateException(
            KEYS + "path-style must be true or false, not " + pathStyle);
      }
      Optional<URI> endpoint =
          settings
              .apply(KEYS + "endpoint")
              .map(String::strip)
              .filter(e -> !e.isEmpty())
              .map(Settings::endpoint);
      return new Settings(
          endpoint, region, bucket, accessKey, secretKey, prefix, Boolean.parseBoolean(pathStyle));
    }

    private static URI endpoint(String value) {
      URI uri;
      try {
        uri = URI.create(value);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      if (uri == null
          || uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalStateException(
            KEYS
                + "endpoint must be an http or https URL such as http://127.0.0.1:9000, not "
                + value);
      }
      return uri;
    }

    private static String environmentName(String key) {
      return (KEYS + key).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Without the secret key, which must not reach a log. */
    @Override
    public String toString() {
      return "Settings[endpoint="
          + endpoint
          + ", region="
          + region
          + ", bucket="
          + bucket
          + ", accessKey="
          + accessKey
          + ", prefix="
          + prefix
          + ", pathStyle="
          + pathStyle
          + "]";
    }
  }
}
