package com.lumiku.platform.messaging;

import com.lumiku.platform.messaging.BrokerManagement.PreparedBranch;
import com.lumiku.platform.messaging.ManagementClient.BrokerRefusedException;
import com.lumiku.platform.messaging.ManagementClient.BrokerUnavailableException;
import com.lumiku.platform.metrics.PreparedBranches;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Rolls back the XA branches this instance's transaction manager left prepared in the broker and
 * will never end.
 *
 * <p>Payara ends the branches a crash left prepared by its recovery at start, but that recovery
 * runs before the post-boot commands deploy the resource adapter, so it never asks the broker; and
 * Artemis keeps a prepared branch for good. After a crash between prepare and commit, a message a
 * worker had consumed stayed held and a message an order had sent stayed invisible, until someone
 * ended the branch by hand.
 *
 * <p>A branch is this instance's when its Xid has Payara's format ("JTS") and its branch qualifier
 * starts with the XA server name ({@code lumiku.tx.server-name}, the pre-boot commands give Payara
 * the same setting): another instance's branch may belong to a transaction whose database side is
 * still in doubt there, and is that instance's to end. A branch of ours that two checks at least
 * {@code lumiku.broker.abandoned-branch-age} apart both find prepared is rolled back. A live
 * transaction commits its branch as soon as it reaches the broker, so such a branch normally
 * belongs to a transaction manager that died; it may also belong to one that has been stuck that
 * long (a database commit that hangs, a frozen process) or whose commit failed while the broker
 * went away (Payara does not retry that one on its own). The age restarts after the broker was
 * unreachable.
 *
 * <p>Rolling back is safe for every Lumiku transaction, whatever its transaction manager had
 * decided or still does: a consumed message goes back to its queue (and is delivered again, or
 * dead-lettered if that was its last attempt), and as every status change is conditional on the
 * status before it, a generation is still completed or refunded once; a dropped order message
 * leaves a pending generation, which the sweeper fails and refunds at its deadline (longer than the
 * age).
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

  /**
   * The XA server name ({@link InstanceName}); server-config/pre-boot-commands.asadmin hands the
   * same variable to Payara's transaction service (asadmin cannot read the application's
   * configuration, and this bean cannot read Payara's).
   */
  private final String serverName = InstanceName.current();

  @Inject
  @ConfigProperty(name = "lumiku.broker.abandoned-branch-age")
  Duration age;

  @Inject
  @ConfigProperty(name = "lumiku.broker.abandoned-branch-check-interval")
  Duration interval;

  private BranchAges ages;

  private boolean refusalReported;

  /**
   * What the last check found, for the gauges ({@link PreparedBranches}, tag {@code
   * resource="broker"}): read on the scraping thread, so not through this singleton's lock, which a
   * check holds while it waits for the broker. Empty before the first check and while the broker
   * cannot be asked.
   */
  private final AtomicReference<Optional<PreparedBranches>> lastFound =
      new AtomicReference<>(Optional.empty());

  @PostConstruct
  void schedule() {
    ages = new BranchAges(age, System::nanoTime);
    PreparedBranches.register(metrics, "broker", lastFound::get);
    timers.createIntervalTimer(
        interval.toMillis(),
        interval.toMillis(),
        new TimerConfig("abandoned-broker-branches", false));
    LOG.log(
        Level.INFO,
        "Broker XA branches of this instance ({0}) still prepared after {1} are rolled back,"
            + " checked every {2}",
        new Object[] {serverName, age, interval});
  }

  /** One check (the container runs one at a time). */
  @Timeout
  void check() {
    List<PreparedBranch> prepared;
    try {
      prepared = broker.preparedBranches();
      refusalReported = false;
    } catch (BrokerRefusedException e) {
      ages.restart();
      lastFound.set(Optional.empty());
      if (!refusalReported) {
        refusalReported = true;
        LOG.log(
            Level.WARNING,
            "Cannot check the broker for abandoned XA branches (it refused; the user needs the"
                + " management permission): {0}",
            e.getMessage());
      }
      return;
    } catch (BrokerUnavailableException e) {
      ages.restart(); // a commit retried once the broker is back gets the whole age
      lastFound.set(Optional.empty());
      LOG.log(Level.FINE, "Prepared broker branches not checked: {0}", e.getMessage());
      return; // readiness reports the broker; the next check tries again
    }
    Map<String, PreparedBranch> ours =
        prepared.stream()
            .filter(this::isOurs)
            .collect(Collectors.toMap(PreparedBranch::id, Function.identity(), (a, b) -> a));
    for (BranchAges.Due due : ages.check(ours.keySet())) {
      rollBack(ours.get(due.id()), due.preparedFor());
    }
    lastFound.set(Optional.of(ages.figures()));
  }

  private boolean isOurs(PreparedBranch branch) {
    return branch.formatId() == PAYARA_XID_FORMAT
        && branch.branchQualifier().startsWith(serverName + ",");
  }

  private void rollBack(PreparedBranch branch, Duration preparedFor) {
    try {
      boolean ended = broker.rollBack(branch);
      ages.forget(branch.id());
      if (ended) {
        metrics.counter("broker.abandoned-branches.rolled-back").inc();
        LOG.log(
            Level.WARNING,
            "Rolled back broker XA branch {0} of {1} (prepared for at least {2} s, no transaction"
                + " manager ended it): {3} message(s) it consumed went back to their queue, {4} it"
                + " sent were dropped; message ids (generations) {5}",
            new Object[] {
              branch.id(),
              serverName,
              preparedFor.toSeconds(),
              branch.consumes(),
              branch.sends(),
              branch.messageIds()
            });
      }
    } catch (BrokerUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "Could not roll back broker XA branch {0}: {1}",
          new Object[] {branch.id(), e.getMessage()});
    }
  }
}
