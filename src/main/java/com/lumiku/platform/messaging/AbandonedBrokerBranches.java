package com.lumiku.platform.messaging;

import com.lumiku.platform.messaging.BrokerManagement.BrokerUnavailableException;
import com.lumiku.platform.messaging.BrokerManagement.PreparedBranch;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Rolls back the XA branches Payara's transaction manager left prepared in the broker and will
 * never end.
 *
 * <p>Payara ends the branches a crash left prepared by its recovery at start, but that recovery
 * runs before the post-boot commands deploy the resource adapter, so it never asks the broker; and
 * Artemis keeps a prepared branch for good. After a crash between prepare and commit, a message a
 * worker had consumed stayed held and a message an order had sent stayed invisible, until someone
 * ended the branch by hand. A live transaction keeps its branch prepared for milliseconds (the
 * commit follows at once): a branch of Payara's (Xid format "JTS") that two checks at least {@code
 * lumiku.broker.abandoned-branch-age} apart both find prepared has no coordinator left.
 *
 * <p>Rolling it back is safe for every Lumiku transaction, whatever the lost coordinator had
 * decided: a consumed message is delivered again, and as every status change is conditional on the
 * status before it, a generation is still completed or refunded once; a dropped order message
 * leaves a pending generation, which the sweeper fails and refunds at its deadline (the age here is
 * far below that deadline, so a redelivered job still runs in time).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AbandonedBrokerBranches {

  /** The Xid format of Payara's transaction manager: "JTS" in ASCII. */
  public static final int PAYARA_XID_FORMAT = 0x4A5453;

  private static final Logger LOG = Logger.getLogger(AbandonedBrokerBranches.class.getName());

  @Resource TimerService timers;
  @Inject BrokerManagement broker;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "lumiku.broker.abandoned-branch-age", defaultValue = "PT1M")
  Duration age;

  @Inject
  @ConfigProperty(name = "lumiku.broker.abandoned-branch-check-interval", defaultValue = "PT30S")
  Duration interval;

  /**
   * When this instance first saw each branch prepared (System.nanoTime: the broker's own creation
   * times come as locale-formatted text, in the broker's time zone).
   */
  private final Map<String, Long> firstSeen = new HashMap<>();

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(),
        interval.toMillis(),
        new TimerConfig("abandoned-broker-branches", false));
    LOG.info(
        () ->
            "Broker XA branches of this transaction manager still prepared after "
                + age
                + " are rolled back, checked every "
                + interval);
  }

  /** One check (the container runs one at a time). */
  @Timeout
  void check() {
    List<PreparedBranch> prepared;
    try {
      prepared = broker.preparedBranches();
    } catch (BrokerUnavailableException e) {
      LOG.fine(() -> "Prepared broker branches not checked: " + e.getMessage());
      return; // readiness reports the broker; the next check tries again
    }
    long now = System.nanoTime();
    Set<String> present = prepared.stream().map(PreparedBranch::id).collect(Collectors.toSet());
    firstSeen.keySet().retainAll(present);
    for (PreparedBranch branch : prepared) {
      if (branch.formatId() != PAYARA_XID_FORMAT) {
        continue;
      }
      Long seen = firstSeen.putIfAbsent(branch.id(), now);
      if (seen != null && now - seen >= age.toNanos()) {
        rollBack(branch, Duration.ofNanos(now - seen));
      }
    }
  }

  private void rollBack(PreparedBranch branch, Duration preparedFor) {
    try {
      boolean ended = broker.rollBack(branch);
      firstSeen.remove(branch.id());
      if (ended) {
        metrics.counter("broker.abandoned-branches.rolled-back").inc();
        LOG.warning(
            () ->
                "Rolled back broker XA branch "
                    + branch.id()
                    + " (prepared for at least "
                    + preparedFor.toSeconds()
                    + " s, no transaction manager ended it): "
                    + branch.consumes()
                    + " message(s) it consumed are delivered again, "
                    + branch.sends()
                    + " it sent are dropped");
      }
    } catch (BrokerUnavailableException e) {
      LOG.warning(
          () -> "Could not roll back broker XA branch " + branch.id() + ": " + e.getMessage());
    }
  }
}
