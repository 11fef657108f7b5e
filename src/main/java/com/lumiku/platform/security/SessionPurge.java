package com.lumiku.platform.security;

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
 * Deletes revoked access tokens and refresh tokens once they have expired (they can no longer be
 * used, so the denylist stays as small as the tokens still alive), on a container timer every
 * {@code lumiku.auth.purge-interval}. Safe on every instance at once.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionPurge {

  private static final Logger LOG = Logger.getLogger(SessionPurge.class.getName());

  @Resource TimerService timers;
  @Inject Sessions sessions;

  @Inject
  @ConfigProperty(name = "lumiku.auth.purge-interval")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("session-purge", false));
  }

  @Timeout
  void purge() {
    int purged = sessions.purgeExpired();
    if (purged > 0) {
      LOG.log(Level.INFO, "Forgot {0} expired revoked or refresh tokens", purged);
    }
  }
}
