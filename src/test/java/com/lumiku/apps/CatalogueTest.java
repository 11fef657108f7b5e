package com.lumiku.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the app registry makes of the apps' declarations and the settings. */
class CatalogueTest {

  record Declared(String id, List<String> operations, List<Worker> workers) implements App {
    @Override
    public String name() {
      return id.toUpperCase();
    }

    @Override
    public String description() {
      return "The " + id + " app.";
    }
  }

  static final App AVATARS =
      new Declared(
          "avatars",
          List.of("generate", "upload"),
          List.of(new App.Worker("avatar", "generations.avatar", 4, Set.of("avatar.draw"))));
  static final App POSES =
      new Declared(
          "poses",
          List.of("batch"),
          List.of(
              new App.Worker("pose", "generations.pose", 2, Set.of("pose.one", "pose.zip")),
              new App.Worker("pose-zip", "generations.pose-zip", 1, Set.of("pose.archive"))));

  static final Map<String, String> PRICES =
      Map.of(
          "lumiku.apps.avatars.cost.generate", "10",
          "lumiku.apps.avatars.cost.upload", "0",
          "lumiku.apps.poses.cost.batch", " 25 ");

  @Test
  void listsAppsByIdWithTheirPrices() {
    Catalogue catalogue = Catalogue.of(List.of(POSES, AVATARS), settings(PRICES), none());

    assertThat(catalogue.apps())
        .extracting(Catalogue.Listing::id)
        .containsExactly("avatars", "poses");
    assertThat(catalogue.apps().get(0).costs())
        .containsExactly(Map.entry("generate", 10L), Map.entry("upload", 0L));
    assertThat(catalogue.apps().get(0).enabled()).isTrue();
    assertThat(catalogue.cost("poses", "batch")).isEqualTo(25);
    assertThatThrownBy(() -> catalogue.cost("poses", "generate"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void routesEachJobTypeToItsWorkersQueue() {
    Catalogue catalogue = Catalogue.of(List.of(AVATARS, POSES), settings(PRICES), none());

    assertThat(catalogue.queueOf("pose.zip").queue()).isEqualTo("generations.pose");
    assertThat(catalogue.queueOf("pose.archive").worker()).isEqualTo("pose-zip");
    assertThat(catalogue.queueOf("avatar.draw").app()).isEqualTo("avatars");
    assertThat(catalogue.workQueues())
        .extracting(Catalogue.WorkQueue::queue)
        .containsExactly("generations.avatar", "generations.pose", "generations.pose-zip");
    assertThatThrownBy(() -> catalogue.queueOf("video.mix"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workerSettingsOverrideTheDeclaredQueueAndConcurrency() {
    Catalogue catalogue =
        Catalogue.of(
            List.of(AVATARS),
            settings(PRICES),
            settings(
                Map.of(
                    "lumiku.workers.avatar.queue", "generations.avatar-b",
                    "lumiku.workers.avatar.concurrency", "16")));

    Catalogue.WorkQueue queue = catalogue.queueOf("avatar.draw");
    assertThat(queue.queue()).isEqualTo("generations.avatar-b");
    assertThat(queue.concurrency()).isEqualTo(16);
  }

  @Test
  void workerSettingsAreNotReadFromThePriceSettings() {
    Map<String, String> both = new java.util.HashMap<>(PRICES);
    both.put("lumiku.workers.avatar.concurrency", "16");
    assertThat(
            Catalogue.of(List.of(AVATARS), settings(both), none())
                .queueOf("avatar.draw")
                .concurrency())
        .isEqualTo(4);
  }

  @Test
  void declarationsThatCannotWorkStopTheDeployment() {
    assertRefused(List.of(AVATARS), Map.of(), "No price set: lumiku.apps.avatars.cost.generate");
    assertRefused(
        List.of(AVATARS),
        Map.of("lumiku.apps.avatars.cost.generate", "-1", "lumiku.apps.avatars.cost.upload", "1"),
        "must not be negative");
    assertRefused(
        List.of(AVATARS),
        Map.of("lumiku.apps.avatars.cost.generate", "ten", "lumiku.apps.avatars.cost.upload", "1"),
        "must be a whole number");
    assertRefused(List.of(AVATARS, AVATARS), PRICES, "Two apps are called avatars");
    App sameQueue =
        new Declared(
            "copy",
            List.of(),
            List.of(new App.Worker("copy", "generations.avatar", 1, Set.of("copy.job"))));
    assertRefused(List.of(AVATARS, sameQueue), PRICES, "Two workers consume generations.avatar");
    App sameType =
        new Declared(
            "thief",
            List.of(),
            List.of(new App.Worker("thief", "generations.thief", 1, Set.of("avatar.draw"))));
    assertRefused(List.of(AVATARS, sameType), PRICES, "Job type avatar.draw is done by avatar");
    App idle =
        new Declared(
            "idle", List.of(), List.of(new App.Worker("idle", "generations.idle", 0, Set.of())));
    assertRefused(List.of(idle), Map.of(), "concurrency must be at least 1");
    App impostor =
        new Declared(
            "impostor",
            List.of(),
            List.of(new App.Worker("dead-letter", "generations.x", 1, Set.of("x.job"))));
    assertRefused(List.of(impostor), Map.of(), "dead-letter is the engine's own worker");
  }

  private static void assertRefused(List<App> apps, Map<String, String> prices, String problem) {
    assertThatThrownBy(() -> Catalogue.of(apps, settings(prices), none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(problem);
  }

  private static Function<String, Optional<String>> settings(Map<String, String> values) {
    return key -> Optional.ofNullable(values.get(key));
  }

  private static Function<String, Optional<String>> none() {
    return key -> Optional.empty();
  }
}
