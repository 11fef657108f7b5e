package com.lumiku.poses.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.imaging.ImageFormat;
import com.lumiku.platform.problem.FieldsAssert;
import com.lumiku.platform.problem.ProblemException;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

  private static final int MAX = 20;
  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();

  @Test
  void libraryPosesDrawOnePoseEachInPngByDefault() {
    BatchOrder.Checked checked =
        new BatchOrder(List.of(A, B), null, null, null, null, null, null, null).checked(MAX);

    assertThat(checked.poseIds()).containsExactly(A, B);
    assertThat(checked.size()).isEqualTo(2);
    assertThat(checked.textPrompt()).isNull();
    assertThat(checked.backgroundPrompt()).isNull();
    assertThat(checked.exportFormats()).containsExactly(ImageFormat.PNG);
    assertThat(checked.seed()).isNull();
  }

  @Test
  void aDescribedPoseIsDrawnBatchSizeTimesWithItsBackground() {
    BatchOrder.Checked checked =
        new BatchOrder(
                null, "  jumping  ", 3, true, " a beach ", List.of("webp", "JPG", "webp"), 7L, null)
            .checked(MAX);

    assertThat(checked.poseIds()).isEmpty();
    assertThat(checked.textPrompt()).isEqualTo("jumping");
    assertThat(checked.size()).isEqualTo(3);
    assertThat(checked.backgroundPrompt()).isEqualTo("a beach");
    assertThat(checked.exportFormats()).containsExactly(ImageFormat.WEBP, ImageFormat.JPEG);
    assertThat(checked.seed()).isEqualTo(7L);
  }

  @Test
  void aDescribedPoseIsDrawnOnceWithoutABatchSize() {
    assertThat(
            new BatchOrder(null, "sitting", null, false, null, null, null, null)
                .checked(MAX)
                .size())
        .isEqualTo(1);
  }

  @Test
  void everyBrokenRuleIsNamed() {
    assertThat(fields(new BatchOrder(null, null, null, null, null, null, null, null)))
        .containsExactly("poseIds");
    assertThat(fields(new BatchOrder(List.of(A), "both", null, null, null, null, null, null)))
        .contains("poseIds");
    assertThat(fields(new BatchOrder(List.of(), null, null, null, null, null, null, null)))
        .containsExactly("poseIds");
    assertThat(fields(new BatchOrder(ids(MAX + 1), null, null, null, null, null, null, null)))
        .containsExactly("poseIds");
    assertThat(fields(new BatchOrder(List.of(A, B, A), null, null, null, null, null, null, null)))
        .containsExactly("poseIds");
    assertThat(
            fields(
                new BatchOrder(
                    Collections.singletonList(null), null, null, null, null, null, null, null)))
        .containsExactly("poseIds");
    assertThat(fields(new BatchOrder(List.of(A), null, 2, null, null, null, null, null)))
        .containsExactly("batchSize");
    assertThat(fields(new BatchOrder(null, "x", MAX + 1, null, null, null, null, null)))
        .containsExactly("batchSize");
    assertThat(fields(new BatchOrder(null, "x", 0, null, null, null, null, null)))
        .containsExactly("batchSize");
    assertThat(fields(new BatchOrder(null, "x".repeat(501), null, null, null, null, null, null)))
        .containsExactly("textPrompt");
    assertThat(fields(new BatchOrder(null, "tab\there", null, null, null, null, null, null)))
        .containsExactly("textPrompt");
    assertThat(fields(new BatchOrder(null, " ", null, null, null, null, null, null)))
        .containsExactly("textPrompt");
    assertThat(fields(new BatchOrder(List.of(A), null, null, true, null, null, null, null)))
        .containsExactly("backgroundPrompt");
    assertThat(fields(new BatchOrder(List.of(A), null, null, false, "a forest", null, null, null)))
        .containsExactly("backgroundPrompt");
    assertThat(fields(new BatchOrder(List.of(A), null, null, null, null, List.of(), null, null)))
        .containsExactly("exportFormats");
    assertThat(
            fields(new BatchOrder(List.of(A), null, null, null, null, List.of("gif"), null, null)))
        .containsExactly("exportFormats");
    assertThat(fields(new BatchOrder(List.of(A), null, null, null, null, null, -1L, null)))
        .containsExactly("seed");
    assertThat(
            fields(
                new BatchOrder(
                    List.of(A), null, null, null, null, null, BatchOrder.MAX_SEED + 1, null)))
        .containsExactly("seed");
  }

  @Test
  void theLargestBatchAndSeedAreAllowed() {
    assertThat(
            new BatchOrder(ids(MAX), null, null, null, null, null, BatchOrder.MAX_SEED, null)
                .checked(MAX)
                .size())
        .isEqualTo(MAX);
  }

  private static List<UUID> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
  }

  private static List<String> fields(BatchOrder order) {
    return FieldsAssert.refusedFields(() -> order.checked(MAX));
  }

  @Test
  void aRefusalIsAProblem() {
    assertThatThrownBy(
            () -> new BatchOrder(null, null, null, null, null, null, null, null).checked(MAX))
        .isInstanceOf(ProblemException.class);
  }
}
