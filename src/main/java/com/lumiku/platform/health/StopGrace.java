package com.lumiku.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

  /** The exit status of a JVM halted by the grace: the stop did not end on its own. */
  static final int HALTED = 1;

  /** Frames of each thread written when the JVM is halted. */
  private static final int DUMPED_FRAMES = 40;

  @Inject
  @ConfigProperty(name = "lumiku.stop.grace")
  Duration grace;

  private volatile boolean stopping;
  private PrintStream err;
  private Thread hook;

  /**
   * Registers the hook as the application deploys. Everything the hook and its watchdog run is made
   * and run once here, not first when the JVM stops: by then Payara may be closing the
   * application's class loader, which would have to load or link it.
   */
  void registerAtDeployment(@Observes Startup startup) {
    if (grace.isNegative() || grace.isZero()) {
      throw new IllegalArgumentException("lumiku.stop.grace must be positive, not " + grace);
    }
    err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
    String requested =
        "stop requested: readiness DOWN, new work refused; the JVM halts in "
            + grace.toMillis()
            + " ms if the stop has not ended by then";
    String halting =
        "the stop took longer than lumiku.stop.grace ("
            + grace.toMillis()
            + " ms); halting the JVM now: work still in flight ends as after a crash (rolled back,"
            + " redelivered, recovered at the next start)";
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(grace.toMillis());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              say(halting);
              err.print(threadDump());
              err.flush();
              Runtime.getRuntime().halt(HALTED);
            },
            "lumiku-stop-grace");
    watchdog.setDaemon(true);
    hook =
        new Thread(
            () -> {
              stopping = true;
              watchdog.start();
              say(requested);
            },
            "lumiku-stop");
    threadDump(); // run once now, so that nothing of it is first loaded or linked at the stop
    Runtime.getRuntime().addShutdownHook(hook);
    say("registered; the stop grace (lumiku.stop.grace) is " + grace.toMillis() + " ms");
  }

  /**
   * A line on the process's own standard error, not through java.util.logging: once the JVM is
   * ending, the JDK's LogManager has its own shutdown hook close every handler, and records logged
   * after that are lost (measured: neither of the stop's lines reached Payara's log that way). On
   * the descriptor itself, because Payara replaces System.err by a stream into its logger.
   */
  private void say(String line) {
    err.println(Instant.now() + " lumiku-stop: " + line);
  }

  /** Where every thread is as the grace ends: what the stop was waiting for, for the operator. */
  private static String threadDump() {
    StringBuilder dump = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
      dump.append('"').append(thread.getKey().getName()).append("\" ");
      dump.append(thread.getKey().getState()).append('\n');
      StackTraceElement[] frames = thread.getValue();
      for (int i = 0; i < Math.min(frames.length, DUMPED_FRAMES); i++) {
        dump.append("\tat ").append(frames[i]).append('\n');
      }
    }
    return dump.toString();
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
}
