package com.lumiku.imaging;

import static com.lumiku.imaging.GuideFixtures.STANDING;
import static com.lumiku.imaging.GuideFixtures.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pose guide and an image request accept, and that a guide cannot change once made. */
class PoseGuideTest {

  private static final byte[] SUBJECT = GuideFixtures.subject(Color.MAGENTA, Color.GREEN);

  @Test
  void refusesWhatIsNotAPose() {
    List<Point2D.Double> seventeen = points(STANDING).subList(0, 17);
    assertThatThrownBy(() -> new PoseGuide(SUBJECT, seventeen, null, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("18");
    assertThatThrownBy(() -> new PoseGuide(SUBJECT, null, null, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    List<Point2D.Double> notANumber = points(STANDING);
    notANumber.set(3, new Point2D.Double(Double.NaN, 0.5));
    assertThatThrownBy(() -> new PoseGuide(SUBJECT, notANumber, null, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAControlWeightOutsideZeroToTwo() {
    for (double weight : new double[] {-0.01, 2.01, Double.NaN}) {
      assertThatThrownBy(() -> new PoseGuide(SUBJECT, points(STANDING), null, weight, null))
          .as("weight %s", weight)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(new PoseGuide(SUBJECT, points(STANDING), null, 0, null).controlWeight()).isZero();
    assertThat(new PoseGuide(SUBJECT, points(STANDING), null, 2, null).controlWeight())
        .isEqualTo(2.0);
  }

  @Test
  void needsASubjectAndTakesOnlyAPngAsSkeleton() {
    assertThatThrownBy(() -> new PoseGuide(new byte[0], points(STANDING), null, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PoseGuide(null, points(STANDING), null, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PoseGuide(SUBJECT, points(STANDING), new byte[] {1}, 1, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new PoseGuide(SUBJECT, points(STANDING), SUBJECT, 1, null).skeleton())
        .isEqualTo(SUBJECT);
  }

  @Test
  void aBlankBackgroundIsNone() {
    assertThat(new PoseGuide(SUBJECT, points(STANDING), null, 1, "  ").background()).isNull();
    assertThat(new PoseGuide(SUBJECT, points(STANDING), null, 1, " a beach ").background())
        .isEqualTo("a beach");
  }

  @Test
  void comparesByContentAndCannotBeChangedFromOutside() {
    byte[] subject = SUBJECT.clone();
    List<Point2D.Double> keypoints = points(STANDING);
    PoseGuide guide = new PoseGuide(subject, keypoints, null, 1, "a beach");
    PoseGuide same = new PoseGuide(SUBJECT.clone(), points(STANDING), null, 1, "a beach");
    assertThat(guide).isEqualTo(same).hasSameHashCodeAs(same);

    subject[100]++;
    keypoints.get(0).x = 0.9;
    guide.subject()[100]++;
    guide.keypoints().get(0).x = 0.9;
    guide.point(PoseGuide.BodyPoint.NOSE).x = 0.9;
    assertThat(guide).isEqualTo(same);
    assertThat(guide.point(PoseGuide.BodyPoint.NOSE)).isEqualTo(new Point2D.Double(0.5, 0.2));
    assertThat(guide.point(PoseGuide.BodyPoint.RIGHT_EAR)).isNull();
    assertThat(guide).isNotEqualTo(new PoseGuide(SUBJECT, points(STANDING), null, 1.5, "a beach"));
  }

  @Test
  void toStringGivesSizesNotBytes() {
    PoseGuide guide = new PoseGuide(SUBJECT, points(STANDING), null, 1, null);
    assertThat(guide.toString())
        .contains("subject=" + SUBJECT.length + " bytes")
        .contains("keypoints=16 of 18")
        .contains("skeleton=none")
        .hasSizeLessThan(200);
  }

  @Test
  void anImageRequestNeedsAPositiveSizeAndAPrompt() {
    assertThatThrownBy(() -> new ImageRequest("a sailor", 0, 256))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImageRequest("a sailor", 256, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImageRequest(null, 256, 256))
        .isInstanceOf(NullPointerException.class);
    ImageRequest plain = new ImageRequest("a sailor", 320, 256);
    assertThat(plain.seed()).isNull();
    assertThat(plain.guide()).isNull();
  }
}
