package com.lumiku.poses.control;

import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.poses.entity.Keypoints;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A library pose as an operator creates or changes it. {@link #checkedNew} and {@link
 * #checkedChanges} enforce every rule that needs no database, the same the columns of V7 keep
 * (whether the category is an active one is checked when the pose is stored).
 *
 * @param name what users read, 1 to 100 characters
 * @param description a sentence about it (a change with a blank one removes it)
 * @param categoryId the active category it is in
 * @param difficulty {@code beginner}, {@code intermediate} or {@code advanced}
 * @param genderSuitability {@code any} (default), {@code female} or {@code male}
 * @param tags lower-case words (letters and digits, joined by hyphens), at most 20; repeats count
 *     once
 * @param keypoints the 18 body keypoints in COCO order ({@link Keypoints}), each {@code [x, y]} in
 *     0..1 or null where not visible, at least one visible
 * @param controlnetWeight how strongly the skeleton guides a ControlNet model, 0 to 2 with at most
 *     two decimals (default 1)
 * @param featured whether the library features it (default false)
 * @param retired whether users no longer see it (default false); batches still draw it
 */
@Schema(
    example =
        "{\"name\":\"Hands on hips\",\"categoryId\":\"7d2c9e1a-3b4f-4a6c-9e8d-1f2a3b4c5d6e\",\"difficulty\":\"beginner\",\"genderSuitability\":\"any\",\"tags\":[\"confident\",\"standing\"],\"keypoints\":[[0.5,0.1],[0.5,0.2],[0.4,0.2],[0.35,0.32],[0.42,0.45],[0.6,0.2],[0.65,0.32],[0.58,0.45],[0.45,0.5],[0.45,0.7],[0.45,0.9],[0.55,0.5],[0.55,0.7],[0.55,0.9],[0.48,0.08],[0.52,0.08],[0.46,0.09],[0.54,0.09]],\"controlnetWeight\":1.0}")
public record PoseEdit(
    String name,
    String description,
    UUID categoryId,
    String difficulty,
    String genderSuitability,
    List<String> tags,
    JsonArray keypoints,
    BigDecimal controlnetWeight,
    Boolean featured,
    Boolean retired) {

  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 500;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG = 30;
  public static final BigDecimal MAX_WEIGHT = new BigDecimal("2");

  /**
   * A pose (or a change of one) that keeps the rules; null fields of a change stay as they are.
   *
   * @param description stripped; {@code ""} removes it (or means none, for a new pose)
   * @param tags lower-case, without repeats
   * @param keypoints the keypoints as JSON, for the {@code jsonb} column
   */
  public record Checked(
      String name,
      String description,
      UUID categoryId,
      Difficulty difficulty,
      Gender gender,
      List<String> tags,
      String keypoints,
      BigDecimal controlnetWeight,
      Boolean featured,
      Boolean retired) {}

  /** A change that only retires the pose (or brings it back). */
  public static PoseEdit retiring(boolean retired) {
    return new PoseEdit(null, null, null, null, null, null, null, null, null, retired);
  }

  /**
   * A new pose with its rules checked: name, category, difficulty and keypoints given; no tags and
   * gender {@code any} when absent.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public Checked checkedNew() {
    Checked checked = checked(true);
    return new Checked(
        checked.name(),
        checked.description(),
        checked.categoryId(),
        checked.difficulty(),
        checked.gender() == null ? Gender.ANY : checked.gender(),
        checked.tags() == null ? List.of() : checked.tags(),
        checked.keypoints(),
        checked.controlnetWeight(),
        checked.featured(),
        checked.retired());
  }

  /**
   * A change with its rules checked: absent fields stay as they are, a name may not be blank.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public Checked checkedChanges() {
    return checked(false);
  }

  private Checked checked(boolean isNew) {
    List<FieldError> errors = new ArrayList<>();
    String checkedName =
        isNew || name != null
            ? FieldRules.required("name", name, MAX_NAME, Lines.ONE, errors)
            : null;
    String checkedDescription =
        FieldRules.optional("description", description, MAX_DESCRIPTION, Lines.ONE, errors);
    if (isNew && categoryId == null) {
      errors.add(new FieldError("categoryId", "must name the pose's category."));
    }
    Difficulty checkedDifficulty =
        FieldRules.choice(Difficulty.class, "difficulty", difficulty, errors);
    if (isNew && difficulty == null) {
      errors.add(new FieldError("difficulty", "must be beginner, intermediate or advanced."));
    }
    Gender gender = FieldRules.choice(Gender.class, "genderSuitability", genderSuitability, errors);
    String checkedKeypoints = null;
    if (keypoints != null) {
      checkedKeypoints = keypoints(keypoints, errors);
    } else if (isNew) {
      errors.add(new FieldError("keypoints", "must list the pose's 18 keypoints."));
    }
    if (controlnetWeight != null
        && (controlnetWeight.signum() < 0
            || controlnetWeight.compareTo(MAX_WEIGHT) > 0
            || controlnetWeight.stripTrailingZeros().scale() > 2)) {
      errors.add(
          new FieldError(
              "controlnetWeight", "must be between 0 and 2, with two decimals at most."));
    }
    List<String> checkedTags = tags == null ? null : tags(tags, errors);
    FieldRules.refuseIfAny(errors);
    return new Checked(
        checkedName,
        checkedDescription,
        categoryId,
        checkedDifficulty,
        gender,
        checkedTags,
        checkedKeypoints,
        controlnetWeight,
        featured,
        retired);
  }

  private static List<String> tags(List<String> tags, List<FieldError> errors) {
    if (tags.size() > MAX_TAGS) {
      errors.add(new FieldError("tags", "must be at most " + MAX_TAGS + " tags."));
    }
    Set<String> checked = new LinkedHashSet<>();
    for (String tag : tags) {
      String word = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
      if (word.length() > MAX_TAG || !FieldRules.SLUG.matcher(word).matches()) {
        errors.add(
            new FieldError(
                "tags",
                "each must be 1 to "
                    + MAX_TAG
                    + " lower-case letters and digits, words joined by hyphens."));
        return null;
      }
      checked.add(word);
    }
    return List.copyOf(checked);
  }

  /** The keypoints as JSON if they keep the rules (see {@link Keypoints}), else null. */
  static String keypoints(JsonArray array, List<FieldError> errors) {
    if (array.size() != Keypoints.COUNT) {
      errors.add(
          new FieldError(
              "keypoints", "must list " + Keypoints.COUNT + " keypoints, each [x, y] or null."));
      return null;
    }
    List<Keypoints.Point> points = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue value = array.get(i);
      Keypoints.Point point =
          value.getValueType() == JsonValue.ValueType.NULL ? null : point(value);
      if (value.getValueType() != JsonValue.ValueType.NULL && point == null) {
        errors.add(
            new FieldError(
                "keypoints", "keypoint " + i + " must be [x, y] with both in 0..1, or null."));
        return null;
      }
      points.add(point);
    }
    if (points.stream().allMatch(p -> p == null)) {
      errors.add(new FieldError("keypoints", "must have at least one visible keypoint."));
      return null;
    }
    return array.toString();
  }

  /** {@code [x, y]} with both in 0..1, or null if the value is not that. */
  private static Keypoints.Point point(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      return null;
    }
    JsonArray pair = value.asJsonArray();
    if (pair.size() != 2
        || !(pair.get(0) instanceof JsonNumber x)
        || !(pair.get(1) instanceof JsonNumber y)) {
      return null;
    }
    double px = x.doubleValue();
    double py = y.doubleValue();
    return inside(px) && inside(py) ? new Keypoints.Point(px, py) : null;
  }

  private static boolean inside(double coordinate) {
    return coordinate >= 0 && coordinate <= 1;
  }
}
