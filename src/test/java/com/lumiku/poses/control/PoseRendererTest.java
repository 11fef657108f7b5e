package com.lumiku.poses.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.imaging.Png;
import com.lumiku.poses.entity.Keypoints;
import com.lumiku.poses.entity.KeypointsTest;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pictures drawn from keypoints: the size asked for, deterministic, and different per pose. */
class PoseRendererTest {

  static final Keypoints STANDING = Keypoints.parse(KeypointsTest.STANDING);
  static final Keypoints ARMS_UP =
      Keypoints.parse(
          KeypointsTest.STANDING
              .replace("[0.38,0.34],[0.35,0.48]", "[0.36,0.08],[0.34,0.0]")
              .replace("[0.62,0.34],[0.65,0.48]", "[0.64,0.08],[0.66,0.0]"));

  @Test
  void theSkeletonIsOpenPoseColoursOnBlack() {
    BufferedImage skeleton = PoseRenderer.draw(STANDING, PoseRenderer.Kind.SKELETON, 256);
    assertThat(skeleton.getWidth()).isEqualTo(256);
    assertThat(skeleton.getRGB(2, 2) & 0xffffff).isZero();
    // The neck-to-right-shoulder limb is drawn in OpenPose's first colour, red.
    int x = (int) (0.45 * 256);
    int y = (int) (0.19 * 256);
    assertThat(skeleton.getRGB(x, y) & 0xffffff).isEqualTo(0xff0000);
  }

  @Test
  void theSamePoseGivesTheSamePictureAndAnotherPoseAnother() {
    for (PoseRenderer.Kind kind : PoseRenderer.Kind.values()) {
      byte[] once = PoseRenderer.png(STANDING, kind, 128);
      assertThat(Png.isPng(once)).isTrue();
      assertThat(PoseRenderer.png(STANDING, kind, 128)).as(kind.name()).isEqualTo(once);
      assertThat(Arrays.equals(PoseRenderer.png(ARMS_UP, kind, 128), once))
          .as(kind.name())
          .isFalse();
    }
  }

  @Test
  void thePreviewIsAFigureOnALightBackground() {
    BufferedImage preview = PoseRenderer.draw(STANDING, PoseRenderer.Kind.PREVIEW, 256);
    assertThat((preview.getRGB(2, 2) >> 16) & 0xff).isGreaterThan(0xe0);
    int torso = preview.getRGB(128, (int) (0.35 * 256)) & 0xffffff;
    assertThat(torso).isNotEqualTo(preview.getRGB(2, (int) (0.35 * 256)) & 0xffffff);
  }
}
