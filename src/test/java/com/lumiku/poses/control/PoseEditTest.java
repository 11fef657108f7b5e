package com.lumiku.poses.control;

import static com.lumiku.platform.problem.FieldsAssert.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.poses.entity.Keypoints;
import jakarta.json.JsonArray;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Library poses as operators write them: the rules of V7's columns and of {@link Keypoints}. */
class PoseEditTest {

  private static final UUID CATEGORY = UUID.randomUUID();

  @Test
  void aNewPoseIsReadFromJsonWithItsKeypoints() {
    String json =
        "{\"name\":\" Lotus \",\"categoryId\":\""
            + CATEGORY
            + "\",\"difficulty\":\"Advanced\",\"tags\":[\"Yoga\",\"floor\",\"yoga\"],"
            + "\"keypoints\":"
            + keypoints("[0.5,0.25]")
            + ",\"controlnetWeight\":1.25,\"featured\":true}";

    PoseEdit.Checked pose = JsonDocuments.fromJson(json, PoseEdit.class).checkedNew();

    assertThat(pose.name()).isEqualTo("Lotus");
    assertThat(pose.categoryId()).isEqualTo(CATEGORY);
    assertThat(pose.difficulty()).isEqualTo(Difficulty.ADVANCED);
    assertThat(pose.gender()).as("default").isEqualTo(Gender.ANY);
    assertThat(pose.tags()).as("lower-cased, repeats once").containsExactly("yoga", "floor");
    assertThat(pose.controlnetWeight()).isEqualByComparingTo("1.25");
    assertThat(pose.featured()).isTrue();
    assertThat(pose.retired()).isNull();
    assertThat(Keypoints.parse(pose.keypoints()).point(0))
        .isEqualTo(new Keypoints.Point(0.5, 0.25));
    assertThat(Keypoints.parse(pose.keypoints()).point(1)).isNull();
  }

  @Test
  void aNewPoseNeedsNameCategoryDifficultyAndKeypoints() {
    assertThat(
            refusedFields(
                () ->
                    new PoseEdit(null, null, null, null, null, null, null, null, null, null)
                        .checkedNew()))
        .containsExactly("categoryId", "difficulty", "keypoints", "name");
    PoseEdit.Checked bare =
        new PoseEdit(
                "Bare",
                null,
                CATEGORY,
                "beginner",
                null,
                null,
                array(keypoints("[0,1]")),
                null,
                null,
                null)
            .checkedNew();
    assertThat(bare.tags()).isEmpty();
    assertThat(bare.controlnetWeight()).as("the column's default").isNull();
  }

  @Test
  void keypointsAreEighteenPointsInsideThePictureOrNulls() {
    List<String> bad =
        List.of(
            "[]",
            "[[0.5,0.5]]",
            keypoints("[1.01,0.5]"),
            keypoints("[0.5,-0.01]"),
            keypoints("[0.5]"),
            keypoints("[0.5,0.5,0.5]"),
            keypoints("[\"0.5\",0.5]"),
            keypoints("0.5"),
            keypoints("null"),
            "[" + String.join(",", Collections.nCopies(19, "[0.5,0.5]")) + "]");
    for (String json : bad) {
      assertThat(refusedFields(() -> withKeypoints(json).checkedChanges()))
          .as(json)
          .containsExactly("keypoints");
    }
    assertThat(withKeypoints(keypoints("[0,0]")).checkedChanges().keypoints()).isNotNull();
    assertThat(withKeypoints(keypoints("[1,1]")).checkedChanges().keypoints()).isNotNull();
  }

  @Test
  void tagsAreLowerCaseWordsAndFewEnough() {
    for (List<String> tags :
        List.of(
            List.of("two words"),
            List.of("comma,separated"),
            List.of(""),
            List.of("x".repeat(31)),
            Collections.nCopies(21, "many"))) {
      assertThat(refusedFields(() -> withTags(tags).checkedChanges()))
          .as(tags.toString())
          .containsExactly("tags");
    }
    List<String> nulls = new ArrayList<>();
    nulls.add(null);
    assertThat(refusedFields(() -> withTags(nulls).checkedChanges())).containsExactly("tags");
    assertThat(withTags(List.of(" Hip-Hop ")).checkedChanges().tags()).containsExactly("hip-hop");
    assertThat(withTags(List.of()).checkedChanges().tags()).as("a change may clear them").isEmpty();
  }

  @Test
  void choicesWeightsAndNamesKeepTheirRules() {
    assertThat(
            refusedFields(
                () ->
                    new PoseEdit(
                            " ",
                            null,
                            null,
                            "expert",
                            "robot",
                            null,
                            null,
                            new BigDecimal("2.01"),
                            null,
                            null)
                        .checkedChanges()))
        .containsExactly("controlnetWeight", "difficulty", "genderSuitability", "name");
    for (String weight : new String[] {"0.125", "-0.5", "2.01"}) {
      assertThat(refusedFields(() -> withWeight(new BigDecimal(weight)).checkedChanges()))
          .as(weight)
          .containsExactly("controlnetWeight");
    }
    for (String weight : new String[] {"0", "0.80", "2.00"}) {
      assertThat(withWeight(new BigDecimal(weight)).checkedChanges().controlnetWeight())
          .isEqualByComparingTo(weight);
    }
    PoseEdit.Checked changes =
        new PoseEdit(
                null, "", null, null, "Female", null, null, new BigDecimal("2.00"), false, false)
            .checkedChanges();
    assertThat(changes.name()).isNull();
    assertThat(changes.description()).as("removed").isEmpty();
    assertThat(changes.gender()).isEqualTo(Gender.FEMALE);
    assertThat(changes.tags()).as("unchanged").isNull();
    assertThat(PoseEdit.retiring(true).checkedChanges().retired()).isTrue();
  }

  /** 18 keypoints: {@code first}, then 17 nulls. */
  private static String keypoints(String first) {
    return "[" + first + "," + String.join(",", Collections.nCopies(17, "null")) + "]";
  }

  private static JsonArray array(String json) {
    return JsonDocuments.parseArray(json);
  }

  private static PoseEdit withKeypoints(String json) {
    return new PoseEdit(null, null, null, null, null, null, array(json), null, null, null);
  }

  private static PoseEdit withWeight(BigDecimal weight) {
    return new PoseEdit(null, null, null, null, null, null, null, weight, null, null);
  }

  private static PoseEdit withTags(List<String> tags) {
    return new PoseEdit(null, null, null, null, null, tags, null, null, null, null);
  }
}
