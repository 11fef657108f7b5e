package com.lumiku.platform.health.gate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Keeps readiness and startup DOWN while Payara Micro answers {@code /health} but the application
 * is not deployed yet.
 *
 * <p>Why it exists: Payara Micro aggregates the health checks of every deployed application and,
 * once anything is deployed (the resource adapter counts), answers UP when no check is registered.
 * It ignores {@code mp.health.default.readiness.empty.response} (6.2025.10, read from its
 * bytecode). So for the seconds between the resource adapter's deployment and the WAR's, {@code
 * /health/ready} said {@code {"status":"UP","checks":[]}} while {@code /api} answered 404.
 *
 * <p>This class is deployed alone, as a tiny WAR of its own ({@code target/deployment-gate.war},
 * src/assembly/gate.xml), by the post-boot commands before anything else: while it deploys, Payara
 * says DOWN ("No Application deployed"); once deployed, this check says DOWN until the application
 * calls {@link #open()} at the end of its own start ({@code ApplicationDeployed}), after its own
 * checks are registered; from then on those decide. The two WARs share nothing but the JVM, hence a
 * system property as the signal. It has no liveness: a starting instance is alive.
 *
 * <p>One class per kind of check: Payara registers a check under one kind only, even when it
 * carries both qualifiers. In the application's own WAR they are not beans (no bean-defining
 * annotation, and that WAR discovers annotated beans only); the gate WAR discovers all its classes.
 */
public abstract class DeploymentGate implements HealthCheck {

  /** Set (to the time it was opened) while the application is deployed. */
  static final String PROPERTY = "lumiku.application.deployed";

  /** The application has deployed and registered its own checks. */
  public static void open() {
    System.setProperty(PROPERTY, OffsetDateTime.now(ZoneOffset.UTC).toString());
  }

  /** The application is going away (undeployment, shutdown). */
  public static void close() {
    System.clearProperty(PROPERTY);
  }

  /** Readiness: no traffic before the application is there. */
  @Readiness
  public static class Ready extends DeploymentGate {}

  /** Startup: not started before the application is there. */
  @Startup
  public static class Started extends DeploymentGate {}

  @Override
  public HealthCheckResponse call() {
    String since = System.getProperty(PROPERTY);
    return since == null
        ? HealthCheckResponse.named("application").down().withData("deployed", false).build()
        : HealthCheckResponse.named("application")
            .up()
            .withData("deployed", true)
            .withData("since", since)
            .build();
  }
}
