package com.lumiku.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BlankImageGeneratorTest {

  private final BlankImageGenerator generator = new BlankImageGenerator();

  @Test
  void answersAPngOfTheRequestedSize() {
    byte[] png = generator.generate(new ImageRequest("a sailor", 320, 256));
    assertThat(Png.isPng(png)).isTrue();
    BufferedImage image = Png.decode(png);
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(256);
  }

  @Test
  void sizesDoNotMixUp() {
    BufferedImage tall = Png.decode(generator.generate(new ImageRequest("x", 256, 1024)));
    BufferedImage wide = Png.decode(generator.generate(new ImageRequest("x", 1024, 256)));
    assertThat(tall.getHeight()).isEqualTo(1024);
    assertThat(wide.getWidth()).isEqualTo(1024);
  }

  @Test
  void aGuidedRequestGetsABlankPictureOfItsSize() {
    PoseGuide guide = GuideFixtures.guide(GuideFixtures.STANDING, "a beach");
    BufferedImage image =
        Png.decode(generator.generate(new ImageRequest("x", 200, 120, 3L, guide)));
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(120);
    assertThat(image.getRGB(100, 60) & 0xffffff).isZero();
  }
}
