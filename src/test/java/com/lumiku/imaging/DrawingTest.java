package com.lumiku.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DrawingTest {

  private static BufferedImage picture(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, w / 2, h);
    g.dispose();
    return image;
  }

  @Test
  void aModelsPngIsStoredAsItCameAndItsSizeReadFromIt() {
    byte[] png = Png.encode(picture(300, 200));

    Drawing drawing = Drawing.of(png);

    assertThat(drawing.png()).isSameAs(png);
    assertThat(drawing.width()).isEqualTo(300);
    assertThat(drawing.height()).isEqualTo(200);
  }

  @Test
  void anotherFormatIsStoredAsPng() throws IOException {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(picture(64, 32), "jpeg", jpeg);

    Drawing drawing = Drawing.of(jpeg.toByteArray());

    assertThat(Png.isPng(drawing.png())).isTrue();
    assertThat(Png.decode(drawing.png()).getWidth()).isEqualTo(64);
  }

  @Test
  void anAnswerThatIsNoPictureIsRefused() {
    Drawing drawing = Drawing.of(new byte[] {1, 2, 3});

    assertThatThrownBy(drawing::width).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBlankModelDrawsOneSharedPicturePerSize() {
    BlankImageGenerator blank = new BlankImageGenerator();

    Drawing first = blank.draw(new ImageRequest("a sailor", 320, 256));
    Drawing second = blank.draw(new ImageRequest("a baker", 320, 256));
    Drawing other = blank.draw(new ImageRequest("a sailor", 256, 320));

    assertThat(second).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    assertThat(first.width()).isEqualTo(320);
    assertThat(other.width()).isEqualTo(256);
    assertThat(blank.generate(new ImageRequest("x", 320, 256))).isSameAs(first.png());
  }
}
