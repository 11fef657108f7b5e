package com.lumiku.poses.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PosePromptTest {

  private static final PoseLibrary.Pose TREE =
      new PoseLibrary.Pose(
          UUID.randomUUID(),
          "Tree pose",
          "Standing on one leg, hands together above the head.",
          UUID.randomUUID(),
          "balance",
          "Balance",
          "beginner",
          "any",
          List.of("yoga"),
          "[]",
          BigDecimal.ONE,
          false,
          0,
          0,
          BigDecimal.ZERO,
          OffsetDateTime.now());

  @Test
  void aLibraryPoseIsNamedAndDescribedForTheSubject() {
    String prompt = PosePrompt.of(order("Mira", "red hair, freckles", null, null), TREE);

    assertThat(prompt)
        .startsWith("Mira (red hair, freckles), Tree pose: Standing on one leg")
        .contains("full body", "plain studio background");
  }

  @Test
  void aDescribedPoseAndABackgroundAreTheUsersWords() {
    String prompt =
        PosePrompt.of(
            order("the person in the photo", null, "waving hello", "a snowy street"), TREE);

    assertThat(prompt)
        .startsWith("the person in the photo, waving hello, like the Tree pose")
        .contains("background: a snowy street")
        .doesNotContain("studio");
  }

  @Test
  void theLongestPromptFitsItsColumn() {
    String prompt =
        PosePrompt.of(
            order("x".repeat(100), "p".repeat(1000), "t".repeat(500), "b".repeat(500)), TREE);

    assertThat(prompt).hasSizeLessThanOrEqualTo(PosePrompt.MAX_LENGTH);
  }

  private static PoseOrder order(
      String name, String persona, String textPrompt, String background) {
    return new PoseOrder(
        UUID.randomUUID(), "subject.png", name, persona, textPrompt, background, List.of("png"));
  }
}
