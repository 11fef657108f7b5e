package com.lumiku.generations.control;

import com.lumiku.apps.AppCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The kinds of workers this application runs, the queue each consumes and how many of each. */
@ApplicationScoped
public class WorkerKinds {

  /**
   * A kind of worker: its queue, the app whose generations it does (null: any), its concurrency.
   */
  public record WorkerKind(String name, String queue, String app, int maxConcurrency) {}

  @Inject
  @ConfigProperty(name = "lumiku.workers.avatar.concurrency", defaultValue = "4")
  String avatarConcurrency;

  public List<WorkerKind> all() {
    return List.of(
        new WorkerKind(
            "avatar",
            "generations.avatar",
            AppCatalog.AVATAR_CREATOR,
            Integer.parseInt(avatarConcurrency.strip())),
        new WorkerKind("dead-letter", "generations.dead-letter", null, 1));
  }
}
