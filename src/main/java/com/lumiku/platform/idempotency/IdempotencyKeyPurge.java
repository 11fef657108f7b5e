package com.lumiku.platform.idempotency;

import com.lumiku.platform.UtcClock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgets idempotency keys older than {@code lumiku.idempotency.retention} (24 h), on a container
 * timer every {@code lumiku.idempotency.purge-interval}. Safe on every instance at once.
 */
@Startup
@Singleton
public class IdempotencyKeyPurge {

  private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class.getName());

  @Resource TimerService timers;
  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "lumiku.idempotency.retention")
  Duration retention;

  @Inject
  @ConfigProperty(name = "lumiku.idempotency.purge-interval")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("idempotency-key-purge", false));
  }

  @Timeout
  void purge() {
    int purged =
        em.createNativeQuery("DELETE FROM idempotency_keys WHERE created_at < ?1")
            .setParameter(1, UtcClock.now().minus(retention))
            .executeUpdate();
    if (purged > 0) {
      LOG.info(() -> "Forgot " + purged + " idempotency keys older than " + retention);
    }
  }
}
