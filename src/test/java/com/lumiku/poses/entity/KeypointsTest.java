package com.lumiku.poses.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Keypoints as stored: 18 pairs in 0..1, null where a point is not visible. */
public class KeypointsTest {

  public static final String STANDING =
      "[[0.5,0.08],[0.5,0.19],[0.4,0.19],[0.38,0.34],[0.35,0.48],[0.6,0.19],[0.62,0.34],"
          + "[0.65,0.48],[0.44,0.52],[0.43,0.73],[0.41,0.94],[0.56,0.52],[0.57,0.73],[0.59,0.94],"
          + "[0.49,0.07],[0.51,0.07],null,null]";

  @Test
  void readsEighteenPointsAndKeepsTheMissingOnes() {
    Keypoints pose = Keypoints.parse(STANDING);
    assertThat(pose.points()).hasSize(18);
    assertThat(pose.point(Keypoints.NOSE)).isEqualTo(new Keypoints.Point(0.5, 0.08));
    assertThat(pose.point(16)).isNull();
    assertThat(Keypoints.LIMBS).hasSize(17);
  }

  @Test
  void refusesWhatIsNotAPose() {
    assertThatThrownBy(() -> Keypoints.parse("[[0.5,0.5]]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Keypoints.parse(STANDING.replace("[0.5,0.08]", "[3.0,0.08]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Keypoints.parse("{\"nose\":[0.5,0.5]}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Keypoints.parse("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
