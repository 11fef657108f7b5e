package com.lumiku.platform.ratelimit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes rate limit buckets that have filled up again (they count nothing any more), every {@code
 * lumiku.rate-limits.purge-interval}, in batches that skip rows a request holds. Safe on every
 * instance at once.
 */
@Startup
@Singleton
public class RateLimitPurge {

  private static final Logger LOG = Logger.getLogger(RateLimitPurge.class.getName());
  private static final int BATCH = 1000;

  @Resource TimerService timers;
  @Inject RateLimits limits;

  @Inject
  @ConfigProperty(name = "lumiku.rate-limits.purge-interval")
  Duration interval;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("rate-limit-purge", false));
  }

  // The buckets' pool is not transactional: a JTA transaction around this would hold nothing.
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void purge() {
    int purged = 0;
    int batch;
    do {
      batch = limits.purge(BATCH);
      purged += batch;
    } while (batch == BATCH);
    if (purged > 0) {
      LOG.log(Level.INFO, "Deleted {0} rate limit buckets that were full again", purged);
    }
  }
}
