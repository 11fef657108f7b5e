package com.lumiku.apps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The apps of the platform and what their operations cost, from configuration. */
@ApplicationScoped
public class AppCatalog {

  public static final String AVATAR_CREATOR = "avatar-creator";

  @Inject
  @ConfigProperty(name = "lumiku.apps.avatar-creator.cost.generate", defaultValue = "10")
  long avatarGenerateCost;

  /** An app as {@code GET /api/apps} lists it. */
  public record App(
      String id, String name, String description, boolean enabled, Map<String, Long> costs) {}

  public List<App> apps() {
    return List.of(
        new App(
            AVATAR_CREATOR,
            "Avatar Creator",
            "Avatars drawn from a text prompt.",
            true,
            Map.of("generate", avatarGenerateCost)));
  }

  /** Credits one avatar generation costs. */
  public long avatarGenerateCost() {
    return avatarGenerateCost;
  }
}
