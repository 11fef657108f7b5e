package com.lumiku.poses.control;

import com.lumiku.imaging.ImageFormat;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A batch as a client orders it: library poses by id, or a described pose drawn {@code batchSize}
 * times; optionally a new background; the formats of its ZIP; a seed. {@link #checked} enforces
 * every rule that needs no database, so a bad order is refused before anything is charged.
 *
 * @param poseIds the library poses to draw, one pose each (or null)
 * @param textPrompt the pose described in words (or null)
 * @param batchSize how many poses to draw of the described pose (default 1)
 * @param useBackgroundChanger whether to draw the subject in front of {@code backgroundPrompt}
 * @param backgroundPrompt the background, with {@code useBackgroundChanger}
 * @param exportFormats the formats the batch's ZIP holds each pose in (default png)
 * @param seed the model's seed for the first pose (the next poses get the next numbers)
 * @param useCreditsWhenQuotaRunsOut with a quota tier: pay with credits when today's quota does not
 *     cover the batch (otherwise such an order is refused)
 */
@Schema(
    example =
        "{\"poseIds\":[\"5c1f1c6e-2f0a-4c4e-8a43-0f7b1a9d2c11\",\"9a7e2d30-4b8c-4f1e-b6a2-3c5d7e9f1a22\"],\"textPrompt\":\"studio light, white background\",\"exportFormats\":[\"png\"],\"useCreditsWhenQuotaRunsOut\":true}")
public record BatchOrder(
    List<UUID> poseIds,
    String textPrompt,
    Integer batchSize,
    Boolean useBackgroundChanger,
    String backgroundPrompt,
    List<String> exportFormats,
    Long seed,
    Boolean useCreditsWhenQuotaRunsOut) {

  /** The longest description of a pose or a background. */
  public static final int MAX_PROMPT = 500;

  /** The largest seed (models take 32-bit unsigned seeds). */
  public static final long MAX_SEED = 0xFFFF_FFFFL;

  /**
   * An order that keeps the rules: either poses or a description; between 1 and the largest batch
   * of them; a background exactly when the background change is ordered.
   *
   * @param poseIds the library poses, in order (empty for a described pose)
   * @param textPrompt the described pose (null for library poses)
   * @param size how many poses the batch draws
   * @param backgroundPrompt the background to draw (null: none ordered)
   * @param exportFormats the ZIP's formats, without repeats
   * @param seed the first pose's seed (null: the batch picks one)
   */
  public record Checked(
      List<UUID> poseIds,
      String textPrompt,
      int size,
      String backgroundPrompt,
      List<ImageFormat> exportFormats,
      Long seed) {

    public Checked {
      poseIds = List.copyOf(poseIds);
      exportFormats = List.copyOf(exportFormats);
    }
  }

  /**
   * The order with its rules checked.
   *
   * @param maxBatch the most poses a batch may have
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public Checked checked(int maxBatch) {
    List<FieldError> errors = new ArrayList<>();
    boolean byPoses = poseIds != null;
    boolean byWords = textPrompt != null;
    if (byPoses == byWords) {
      errors.add(new FieldError("poseIds", "Give either poseIds or textPrompt, not both."));
    }
    int size = 0;
    if (byPoses) {
      size = poseIds.size();
      checkPoseIds(maxBatch, errors);
      if (batchSize != null && batchSize != size) {
        errors.add(
            new FieldError(
                "batchSize", "batchSize goes with textPrompt; poseIds draw one pose per id."));
      }
    }
    if (byWords) {
      checkText("textPrompt", textPrompt, errors);
      size = batchSize == null ? 1 : batchSize;
      if (size < 1 || size > maxBatch) {
        errors.add(new FieldError("batchSize", "must be between 1 and " + maxBatch + "."));
      }
    }
    String background = null;
    if (Boolean.TRUE.equals(useBackgroundChanger)) {
      if (backgroundPrompt == null) {
        errors.add(new FieldError("backgroundPrompt", "is needed with useBackgroundChanger."));
      } else {
        checkText("backgroundPrompt", backgroundPrompt, errors);
        background = backgroundPrompt.strip();
      }
    } else if (backgroundPrompt != null) {
      errors.add(
          new FieldError("backgroundPrompt", "needs useBackgroundChanger (it costs extra)."));
    }
    List<ImageFormat> formats = formats(errors);
    if (seed != null && (seed < 0 || seed > MAX_SEED)) {
      errors.add(new FieldError("seed", "must be between 0 and " + MAX_SEED + "."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new Checked(
        byPoses ? poseIds : List.of(),
        byWords ? textPrompt.strip() : null,
        size,
        background,
        formats,
        seed);
  }

  private void checkPoseIds(int maxBatch, List<FieldError> errors) {
    if (poseIds.isEmpty() || poseIds.size() > maxBatch) {
      errors.add(new FieldError("poseIds", "must list between 1 and " + maxBatch + " poses."));
    }
    Set<UUID> seen = new HashSet<>();
    for (UUID id : poseIds) {
      if (id == null) {
        errors.add(new FieldError("poseIds", "must not contain null."));
      } else if (!seen.add(id)) {
        errors.add(new FieldError("poseIds", "lists pose " + id + " more than once."));
      }
    }
  }

  private static void checkText(String field, String text, List<FieldError> errors) {
    FieldRules.required(field, text, MAX_PROMPT, FieldRules.Lines.ONE, errors);
  }

  private List<ImageFormat> formats(List<FieldError> errors) {
    if (exportFormats == null) {
      return List.of(ImageFormat.PNG);
    }
    if (exportFormats.isEmpty()) {
      errors.add(new FieldError("exportFormats", "must name at least one format."));
    }
    Set<ImageFormat> formats = new LinkedHashSet<>();
    for (String code : exportFormats) {
      try {
        formats.add(ImageFormat.parse(code == null ? "" : code));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("exportFormats", "must be png, jpeg or webp."));
      }
    }
    return List.copyOf(formats);
  }
}
