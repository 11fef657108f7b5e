package com.lumiku.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bounded stop. From the moment the JVM is asked to end (SIGTERM, Ctrl-C), readiness is DOWN
 * and {@link StoppingIntake} refuses new work with 503, while Payara undeploys the application (its
 * message-driven beans stop taking messages; the resource adapter gives a running one its call
 * timeout to finish, then interrupts it, and its transaction rolls back). Payara's own stop has no
 * upper bound (measured: 1.4 s idle, 6.8 s with jobs running, over 60 s once), so a watchdog
 * started by this JVM shutdown hook halts the JVM when {@code lumiku.stop.grace} is over. Whatever
 * is still in flight then ends exactly as after a {@code kill -9}, which the design already
 * survives: uncommitted transactions roll back, the broker redelivers their messages, prepared
 * branches are ended by recovery at the next start.
 *
 * <p>The hook lives in the JVM, so the grace holds however the process is run (./run, the
 * container, a test), with no script around it.
 */
@ApplicationScoped
public class StopGrace {

  private static final Logger LOG = Logger.getLogger(StopGrace.class.getName());

  /** The exit status of a JVM halted by the grace: the stop did not end on its own. */
  static final int HALTED = 1;

  @Inject
  @ConfigProperty(name = "lumiku.stop.grace")
  Duration grace;

  private volatile boolean stopping;
  private volatile long stopRequestedNanos;
  private Thread hook;

  /**
   * Registers the hook as the application deploys. Everything the hook and its watchdog run is made
   * here, not when the JVM stops: by then Payara may already have closed the application's class
   * loader.
   */
  void registerAtDeployment(@Observes Startup startup) {
    if (grace.isNegative() || grace.isZero()) {
      throw new IllegalArgumentException("lumiku.stop.grace must be positive, not " + grace);
    }
    Thread watchdog = new Thread(this::haltWhenGraceIsOver, "lumiku-stop-grace");
    watchdog.setDaemon(true);
    hook =
        new Thread(
            () -> {
              stopRequestedNanos = System.nanoTime();
              stopping = true;
              LOG.log(
                  Level.INFO,
                  "Stop requested: readiness DOWN, new work refused; the JVM halts in {0} ms if"
                      + " the stop has not ended by then",
                  grace.toMillis());
              watchdog.start();
            },
            "lumiku-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Undeployed without the JVM ending (a redeploy): the hook must not outlive the application. */
  @PreDestroy
  void unregister() {
    if (hook != null && !stopping) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shutdownInProgress) {
        // the JVM is ending; the hook has run or is running
      }
    }
  }

  /** True from the moment the JVM was asked to end. */
  public boolean stopping() {
    return stopping;
  }

  private void haltWhenGraceIsOver() {
    try {
      Thread.sleep(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.log(
        Level.WARNING,
        "The stop took longer than lumiku.stop.grace ({0} ms since it was requested); halting"
            + " the JVM now: work still in flight is rolled back and redelivered as after a crash",
        (System.nanoTime() - stopRequestedNanos) / 1_000_000);
    // Payara's log handlers write from a queue of their own; halt does not wait for it
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.flush();
    }
    Runtime.getRuntime().halt(HALTED);
  }
}
