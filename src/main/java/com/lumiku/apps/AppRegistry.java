package com.lumiku.apps;

import com.lumiku.platform.messaging.ActivationSettings;
import com.lumiku.platform.problem.Problem;
import com.lumiku.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Every app deployed with this application, as its own package declares it ({@link App}), with its
 * settings applied ({@link Catalogue}): prices from MicroProfile Config, workers' queues and
 * concurrency as the consumers' activation reads them ({@link ActivationSettings}). Loaded while
 * the application deploys, before the other start-up observers (health checks ask it from Payara's
 * own threads, which do not see the application's configuration; see PAYARA-ARTEMIS-NOTES, trap
 * 14); a declaration that cannot work fails the deployment.
 */
@ApplicationScoped
public class AppRegistry {

  private static final Logger LOG = Logger.getLogger(AppRegistry.class.getName());

  @Inject @Any Instance<App> declared;
  @Inject Config config;

  private volatile Catalogue catalogue;

  void load(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup startup) {
    Catalogue loaded =
        Catalogue.of(
            declared.stream().toList(),
            key -> config.getOptionalValue(key, String.class),
            key -> ActivationSettings.value(key));
    catalogue = loaded;
    for (Catalogue.WorkQueue queue : loaded.workQueues()) {
      LOG.log(
          Level.INFO,
          "App {0}: {1} {2} worker(s) on {3} for {4}",
          new Object[] {
            queue.app(), queue.concurrency(), queue.worker(), queue.queue(), queue.jobTypes()
          });
    }
  }

  /** The apps with their prices. */
  public List<Catalogue.Listing> apps() {
    return catalogue().apps();
  }

  /** The queues the apps' workers consume. */
  public List<Catalogue.WorkQueue> workQueues() {
    return catalogue().workQueues();
  }

  /** Credits an operation of an app costs. */
  public long cost(String app, String operation) {
    return catalogue().cost(app, operation);
  }

  /** The queue whose workers do jobs of this type. */
  public Catalogue.WorkQueue queueOf(String jobType) {
    return catalogue().queueOf(jobType);
  }

  private Catalogue catalogue() {
    Catalogue loaded = catalogue;
    if (loaded == null) {
      throw new ProblemException(
          Problem.of(503, "Service Unavailable", "Lumiku is still starting; try again shortly."));
    }
    return loaded;
  }
}
