package com.lumiku.platform.ratelimit;

import com.lumiku.platform.Sha256;
import com.lumiku.platform.problem.DependencyUnavailable;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Rate limits that hold across instances: Bucket4j token buckets kept in PostgreSQL (table
 * rate_limit_buckets), each taken under {@code SELECT ... FOR UPDATE} in a short transaction of its
 * own on the non-XA pool {@code jdbc/lumikuRateLimits}. A count therefore stands whatever becomes
 * of the request that made it (a refused request rolls back, its count does not), and every
 * instance sharing the database shares the buckets.
 *
 * <p>A limit is named by its caller (e.g. {@code login-address}) and read from the settings (see
 * {@link RateLimitPolicy}); the key says whom it counts (a user id, a client address, an email).
 * Bucket ids hold a hash of the key, not the key.
 */
@ApplicationScoped
public class RateLimits {

  /**
   * A bucket row is kept this long after its bucket would be full again (then it counts nothing).
   */
  private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);

  @Resource(lookup = "jdbc/lumikuRateLimits")
  DataSource dataSource;

  @Inject Config config;

  private final ConcurrentMap<String, RateLimitPolicy> policies = new ConcurrentHashMap<>();
  private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  @PostConstruct
  void connectBuckets() {
    buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
            .build();
  }

  /**
   * Reads every limit the settings define as the application deploys, so that a wrong number fails
   * the start instead of the first request it would limit.
   */
  void readLimitsAtDeployment(@Observes Startup startup) {
    String suffix = ".capacity";
    for (String property : config.getPropertyNames()) {
      if (property.startsWith(RateLimitPolicy.PREFIX) && property.endsWith(suffix)) {
        policy(
            property.substring(
                RateLimitPolicy.PREFIX.length(), property.length() - suffix.length()));
      }
    }
  }

  /**
   * Counts one request against the limit.
   *
   * @throws RateLimited 429 if the limit allows no more now (nothing is counted then)
   */
  public void acquire(String limit, String key) {
    RateLimitPolicy policy = policy(limit);
    ConsumptionProbe probe = call(() -> bucket(policy, key).tryConsumeAndReturnRemaining(1));
    if (!probe.isConsumed()) {
      throw new RateLimited(
          policy,
          Math.max(
              1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999)));
    }
  }

  /** Counts one request against the limit if it allows one more now; says whether it did. */
  public boolean tryAcquire(String limit, String key) {
    RateLimitPolicy policy = policy(limit);
    return call(() -> bucket(policy, key).tryConsume(1));
  }

  /**
   * Takes back a request counted by {@link #acquire}, e.g. a sign-in that turned out right (only
   * failed ones are to count against an account).
   */
  public void giveBack(String limit, String key) {
    RateLimitPolicy policy = policy(limit);
    call(
        () -> {
          bucket(policy, key).addTokens(1);
          return null;
        });
  }

  /** The limit as the settings say (read once). */
  public RateLimitPolicy policy(String limit) {
    return policies.computeIfAbsent(limit, name -> RateLimitPolicy.read(config, name));
  }

  /** Deletes up to {@code batch} buckets that are full again; returns how many it deleted. */
  int purge(int batch) {
    return call(() -> buckets.removeExpired(batch));
  }

  private BucketProxy bucket(RateLimitPolicy policy, String key) {
    return buckets.builder().build(id(policy, key), policy::bucket);
  }

  /** {@code <limit>:<hash of its numbers and the key>}: short, and no address or email in clear. */
  static String id(RateLimitPolicy policy, String key) {
    byte[] hash = Sha256.of(policy.fingerprint() + "\n" + key);
    return policy.name() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  /** The database failing a limit check is a 503, like any other request it fails. */
  private static <T> T call(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (RateLimited refused) {
      throw refused;
    } catch (RuntimeException failed) {
      throw new DependencyUnavailable("rate limit buckets", failed);
    }
  }
}
