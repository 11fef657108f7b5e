package com.lumiku.imaging;

import static com.lumiku.imaging.GuideFixtures.ARMS_UP;
import static com.lumiku.imaging.GuideFixtures.STANDING;
import static com.lumiku.imaging.GuideFixtures.differing;
import static com.lumiku.imaging.GuideFixtures.guide;
import static com.lumiku.imaging.GuideFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.generations.control.PermanentFailure;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The local generator's pose-guided pictures: repeatable, different where the request differs, the
 * subject's face as the head and its clothes as the body, and no failure over absent keypoints.
 */
class PosedPictureTest {

  /** Magenta after a light of either tint has fallen on it. */
  private static final IntPredicate MAGENTA =
      rgb -> red(rgb) > 120 && blue(rgb) > 120 && green(rgb) < 100;

  private final LocalImageGenerator generator = new LocalImageGenerator();

  {
    generator.modelTime = Duration.ZERO;
  }

  @Test
  void drawsAPngOfTheRequestedSize() {
    byte[] png = generator.generate(request(guide(STANDING, null), null, 320, 200));
    assertThat(Png.isPng(png)).isTrue();
    BufferedImage image = Png.decode(png);
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(200);
  }

  @Test
  void theSameRequestGivesTheSameBytes() {
    byte[] first = generator.generate(request(guide(STANDING, "a beach at sunset"), 42L, 256, 256));
    byte[] second =
        generator.generate(request(guide(STANDING, " a beach at sunset "), 42L, 256, 256));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void anotherPoseMovesTheFigure() {
    double share = differing(draw(guide(STANDING, null), 1L), draw(guide(ARMS_UP, null), 1L));
    assertThat(share).as("share of pixels that differ").isGreaterThan(0.02);
  }

  @Test
  void anotherBackgroundChangesTheScene() {
    BufferedImage studio = draw(guide(STANDING, null), 1L);
    BufferedImage beach = draw(guide(STANDING, "a beach at sunset"), 1L);
    BufferedImage forest = draw(guide(STANDING, "a snowy forest"), 1L);
    assertThat(differing(studio, beach)).isGreaterThan(0.5);
    assertThat(differing(beach, forest)).isGreaterThan(0.5);
  }

  @Test
  void anotherSeedGivesAnotherTake() {
    PoseGuide guide = guide(STANDING, "a beach at sunset");
    assertThat(differing(draw(guide, 1L), draw(guide, 2L))).isGreaterThan(0.5);
    assertThat(differing(draw(guide, null), draw(guide, 2L))).isGreaterThan(0.5);
  }

  @Test
  void theHeadIsTheSubjectsFaceAtTheNose() {
    // A wide picture: the pose's square is 256 high and centred, so the nose (0.5, 0.2) is at
    // (192, 51).
    BufferedImage posed = draw(guide(STANDING, null), 1L, 384, 256);
    assertThat(share(posed, 192, 51, 8, MAGENTA)).isGreaterThan(0.9);
    assertThat(share(posed, 40, 51, 8, MAGENTA)).isZero();

    PoseGuide cyanFace =
        new PoseGuide(
            GuideFixtures.subject(Color.CYAN, Color.GRAY),
            GuideFixtures.points(STANDING),
            null,
            1.0,
            null);
    assertThat(share(draw(cyanFace, 1L, 384, 256), 192, 51, 8, MAGENTA)).isZero();
  }

  @Test
  void theClothesTakeTheColourOfTheSubjectsLowerThird() {
    BufferedImage posed = draw(guide(STANDING, null), 1L);
    // Between the shoulders and the hips: green, like the subject's lower third.
    IntPredicate green = rgb -> green(rgb) > red(rgb) + 40 && green(rgb) > blue(rgb) + 20;
    assertThat(share(posed, 128, 115, 6, green)).isGreaterThan(0.9);
  }

  @Test
  void absentKeypointsAreLeftOut() {
    List<Point2D.Double> onlyLegs = GuideFixtures.points(STANDING);
    for (int i = 0; i < 8; i++) {
      onlyLegs.set(i, null);
    }
    List<Point2D.Double> onlyNose = new ArrayList<>(Collections.nCopies(18, null));
    onlyNose.set(0, new Point2D.Double(0.5, 0.5));
    List<Point2D.Double> none = new ArrayList<>(Collections.nCopies(18, null));
    for (List<Point2D.Double> points : List.of(onlyLegs, onlyNose, none)) {
      PoseGuide guide =
          new PoseGuide(GuideFixtures.subject(Color.RED, Color.BLUE), points, null, 1, null);
      BufferedImage image = draw(guide, 3L);
      assertThat(image.getWidth()).isEqualTo(256);
    }
    // Without the upper body there is no head: nothing magenta where the nose would be.
    PoseGuide legs =
        new PoseGuide(GuideFixtures.subject(Color.MAGENTA, Color.BLUE), onlyLegs, null, 1, null);
    assertThat(share(draw(legs, 3L), 128, 51, 8, MAGENTA)).isZero();
  }

  @Test
  void aLowControlWeightLetsThePoseStrayAndAFullOneDoesNot() {
    List<Point2D.Double> points = GuideFixtures.points(STANDING);
    byte[] subject = GuideFixtures.subject(Color.MAGENTA, Color.BLUE);
    BufferedImage loose = draw(new PoseGuide(subject, points, null, 0.0, null), 5L);
    BufferedImage exact = draw(new PoseGuide(subject, points, null, 1.0, null), 5L);
    BufferedImage strict = draw(new PoseGuide(subject, points, null, 2.0, null), 5L);
    assertThat(differing(loose, exact)).isGreaterThan(0.005);
    assertThat(differing(exact, strict)).isZero();
  }

  @Test
  void aSubjectThatIsNoPictureFailsForGood() {
    PoseGuide broken =
        new PoseGuide(new byte[] {1, 2, 3}, GuideFixtures.points(STANDING), null, 1.0, null);
    assertThatThrownBy(() -> generator.generate(request(broken, null, 64, 64)))
        .isInstanceOf(PermanentFailure.class);
  }

  @Test
  void withoutAGuideTheSeedVariesThePortraitAndNoSeedKeepsIt() {
    ImageRequest plain = new ImageRequest("a sailor", 256, 256);
    ImageRequest unseeded = new ImageRequest("a sailor", 256, 256, null, null);
    ImageRequest seeded = new ImageRequest("a sailor", 256, 256, 9L, null);
    assertThat(generator.generate(unseeded)).isEqualTo(generator.generate(plain));
    assertThat(differing(LocalImageGenerator.picture(plain), LocalImageGenerator.picture(seeded)))
        .isGreaterThan(0.3);
  }

  private static BufferedImage draw(PoseGuide guide, Long seed) {
    return draw(guide, seed, 256, 256);
  }

  private static BufferedImage draw(PoseGuide guide, Long seed, int width, int height) {
    return LocalImageGenerator.picture(request(guide, seed, width, height));
  }

  /** The share of the pixels in a square around (x, y) that pass the test. */
  private static double share(BufferedImage image, int x, int y, int half, IntPredicate test) {
    int passing = 0;
    int all = 0;
    for (int dy = -half; dy <= half; dy++) {
      for (int dx = -half; dx <= half; dx++) {
        all++;
        if (test.test(image.getRGB(x + dx, y + dy))) {
          passing++;
        }
      }
    }
    return (double) passing / all;
  }

  private static int red(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  private static int green(int rgb) {
    return (rgb >> 8) & 0xff;
  }

  private static int blue(int rgb) {
    return rgb & 0xff;
  }
}
