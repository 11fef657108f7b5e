package com.lumiku.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalImageGeneratorTest {

  private final LocalImageGenerator generator = generator(Duration.ZERO);

  @Test
  void drawsAPngOfTheRequestedSize() {
    BufferedImage image = Png.decode(generator.generate(new ImageRequest("a sailor", 320, 256)));
    assertThat(image.getWidth()).isEqualTo(320);
    assertThat(image.getHeight()).isEqualTo(256);
  }

  @Test
  void samePromptGivesTheSamePicture() {
    byte[] first = generator.generate(new ImageRequest("a sailor with a parrot", 256, 256));
    byte[] second = generator.generate(new ImageRequest("  A Sailor with a parrot ", 256, 256));
    assertThat(first).isEqualTo(second);
  }

  @Test
  void differentPromptsGiveDifferentPictures() {
    BufferedImage sailor = Png.decode(generator.generate(new ImageRequest("a sailor", 256, 256)));
    BufferedImage baker = Png.decode(generator.generate(new ImageRequest("a baker", 256, 256)));
    int differing = 0;
    for (int y = 0; y < 256; y += 8) {
      for (int x = 0; x < 256; x += 8) {
        if (sailor.getRGB(x, y) != baker.getRGB(x, y)) {
          differing++;
        }
      }
    }
    assertThat(differing).as("sampled pixels that differ").isGreaterThan(512);
  }

  @Test
  void picturesAreNotBlank() {
    BufferedImage image = Png.decode(generator.generate(new ImageRequest("a gardener", 256, 256)));
    long colours =
        java.util.stream.IntStream.range(0, 256 * 256)
            .map(i -> image.getRGB(i % 256, i / 256))
            .distinct()
            .count();
    assertThat(colours).isGreaterThan(100);
  }

  @Test
  void takesTheConfiguredModelTime() {
    LocalImageGenerator slow = generator(Duration.ofMillis(300));
    long started = System.nanoTime();
    slow.generate(new ImageRequest("a slow model", 256, 256));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void thumbnailKeepsTheAspectRatio() {
    BufferedImage wide = Png.decode(generator.generate(new ImageRequest("a landscape", 1024, 512)));
    BufferedImage thumbnail = Png.decode(Png.thumbnail(wide, 160));
    assertThat(thumbnail.getWidth()).isEqualTo(160);
    assertThat(thumbnail.getHeight()).isEqualTo(80);
  }

  @Test
  void thumbnailOfASmallPictureKeepsItsSizeAndColours() {
    BufferedImage small = new BufferedImage(100, 60, BufferedImage.TYPE_INT_RGB);
    small.setRGB(10, 10, 0xff0000);
    BufferedImage thumbnail = Png.decode(Png.thumbnail(small, 160));
    assertThat(thumbnail.getWidth()).isEqualTo(100);
    assertThat(thumbnail.getHeight()).isEqualTo(60);
    assertThat(thumbnail.getRGB(10, 10) & 0xffffff).isEqualTo(0xff0000);
  }

  private static LocalImageGenerator generator(Duration modelTime) {
    LocalImageGenerator generator = new LocalImageGenerator();
    generator.modelTime = modelTime;
    return generator;
  }
}
