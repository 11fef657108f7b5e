package com.lumiku.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * One limit: a bucket holds up to {@code capacity} requests and gets {@code refill} of them back
 * per {@code period}, smoothly (greedy refill: a token every period/refill), so a burst of {@code
 * capacity} passes at once and the rate after it is {@code refill} per {@code period}. Read from
 * the settings {@code lumiku.rate-limits.<name>.capacity}, {@code .refill} and {@code .period},
 * whose defaults are in microprofile-config.properties.
 */
public record RateLimitPolicy(String name, long capacity, long refill, Duration period) {

  static final String PREFIX = "lumiku.rate-limits.";

  public RateLimitPolicy {
    if (capacity < 1 || refill < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(
          "rate limit "
              + name
              + ": capacity and refill must be at least 1 and the period positive, not "
              + capacity
              + ", "
              + refill
              + ", "
              + period);
    }
  }

  /**
   * The limit {@code name} as the settings say.
   *
   * @throws java.util.NoSuchElementException if one of its three settings is missing
   */
  public static RateLimitPolicy read(Config config, String name) {
    return new RateLimitPolicy(
        name,
        config.getValue(PREFIX + name + ".capacity", Long.class),
        config.getValue(PREFIX + name + ".refill", Long.class),
        config.getValue(PREFIX + name + ".period", Duration.class));
  }

  BucketConfiguration bucket() {
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(refill, period))
        .build();
  }

  /**
   * What the buckets of this limit are made with: part of every bucket's id, so that changed
   * numbers start fresh buckets instead of going on with state counted under the old ones.
   */
  String fingerprint() {
    return capacity + "/" + refill + "/" + period;
  }

  /**
   * The IETF draft's {@code RateLimit-Policy} field (draft-ietf-httpapi-ratelimit-headers): its
   * quota and window in seconds.
   */
  String policyHeader() {
    return "\"" + name + "\";q=" + capacity + ";w=" + Math.max(1, period.toSeconds());
  }
}
