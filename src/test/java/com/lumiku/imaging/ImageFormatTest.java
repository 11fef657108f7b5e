package com.lumiku.imaging;

import static com.lumiku.imaging.TestPictures.meanDifference;
import static com.lumiku.imaging.TestPictures.near;
import static com.lumiku.imaging.TestPictures.quadrants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFormatTest {

  private static final BufferedImage PICTURE = quadrants(160, 96, BufferedImage.TYPE_INT_RGB);

  @ParameterizedTest
  @CsvSource({
    "PNG,  0.0", // lossless
    "JPEG, 3.0",
    "WEBP, 1.5"
  })
  void roundTrips(ImageFormat format, double tolerance) throws IOException {
    byte[] encoded = format.encode(PICTURE);

    BufferedImage decoded = decode(format, encoded);
    assertThat(decoded.getWidth()).isEqualTo(160);
    assertThat(decoded.getHeight()).isEqualTo(96);
    assertThat(meanDifference(PICTURE, decoded)).isLessThanOrEqualTo(tolerance);
    assertThat(near(decoded.getRGB(70, 40), Color.RED, 8)).isTrue();
    assertThat(near(decoded.getRGB(5, 5), Color.BLACK, 8)).isTrue();
    assertThat(near(decoded.getRGB(150, 90), Color.WHITE, 8)).isTrue();
  }

  @Test
  void pngStartsWithItsSignature() {
    byte[] png = ImageFormat.PNG.encode(PICTURE);
    assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
    assertThat(ImageFormat.detect(png)).contains(ImageFormat.PNG);
  }

  @Test
  void jpegStartsWithSoiAndAMarker() {
    byte[] jpeg = ImageFormat.JPEG.encode(PICTURE);
    assertThat(Arrays.copyOf(jpeg, 3)).containsExactly(0xff, 0xd8, 0xff);
    assertThat(ImageFormat.detect(jpeg)).contains(ImageFormat.JPEG);
  }

  @Test
  void webpIsARiffContainerOfTheRightLength() {
    byte[] webp = ImageFormat.WEBP.encode(PICTURE);
    ByteBuffer header = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(webp, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(header.getInt(4)).isEqualTo(webp.length - 8);
    assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    assertThat(new String(webp, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8 "); // lossy
    assertThat(ImageFormat.detect(webp)).contains(ImageFormat.WEBP);
  }

  @Test
  void jpegPaintsTransparencyWhite() throws IOException {
    BufferedImage clear = new BufferedImage(80, 80, BufferedImage.TYPE_INT_ARGB);
    BufferedImage decoded = decode(ImageFormat.JPEG, ImageFormat.JPEG.encode(clear));
    assertThat(near(decoded.getRGB(40, 40), Color.WHITE, 2)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = ImageFormat.class,
      names = {"PNG", "WEBP"})
  void keepsAlpha(ImageFormat format) throws IOException {
    BufferedImage picture = quadrants(80, 80, BufferedImage.TYPE_INT_ARGB);
    picture.setRGB(60, 60, 0x00000000);
    BufferedImage decoded = decode(format, format.encode(picture));
    assertThat(decoded.getColorModel().hasAlpha()).isTrue();
    assertThat(decoded.getRGB(60, 60) >>> 24).isZero();
    assertThat(decoded.getRGB(10, 10) >>> 24).isEqualTo(0xff);
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void encodesLayoutsOtherThanPackedRgb(ImageFormat format) throws IOException {
    for (int type :
        new int[] {
          BufferedImage.TYPE_BYTE_GRAY,
          BufferedImage.TYPE_USHORT_GRAY,
          BufferedImage.TYPE_BYTE_INDEXED,
          BufferedImage.TYPE_4BYTE_ABGR,
          BufferedImage.TYPE_INT_ARGB_PRE
        }) {
      BufferedImage decoded = decode(format, format.encode(quadrants(64, 64, type)));
      assertThat(decoded.getWidth()).as("type %d", type).isEqualTo(64);
      assertThat(near(decoded.getRGB(60, 60), Color.WHITE, 8)).as("type %d", type).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "png,      PNG",
    "' PNG ',  PNG",
    "jpeg,     JPEG",
    "JPEG,     JPEG",
    "jpg,      JPEG",
    "' Jpg\t', JPEG",
    "webp,     WEBP",
    "WebP,     WEBP"
  })
  void parsesCodesAndExtensionsInAnyCase(String code, ImageFormat expected) {
    assertThat(ImageFormat.parse(code)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "gif", "image/png", "png8", "j peg", "tiff"})
  void refusesOtherNamesListingTheChoices(String code) {
    assertThatThrownBy(() -> ImageFormat.parse(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The image format must be png, jpeg or webp.");
  }

  @Test
  void describesEachFormat() {
    assertThat(ImageFormat.PNG.mediaType()).isEqualTo("image/png");
    assertThat(ImageFormat.JPEG.mediaType()).isEqualTo("image/jpeg");
    assertThat(ImageFormat.WEBP.mediaType()).isEqualTo("image/webp");
    assertThat(ImageFormat.JPEG.code()).isEqualTo("jpeg");
    assertThat(ImageFormat.JPEG.extension()).isEqualTo("jpg");
    assertThat(ImageFormat.WEBP.extension()).isEqualTo("webp");
  }

  @Test
  void detectsNothingInOtherBytes() {
    assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    assertThat(ImageFormat.detect(new byte[] {(byte) 0xff, (byte) 0xd8})).isEmpty();
    assertThat(ImageFormat.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(ImageFormat.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
        .isEmpty();
  }

  /**
   * Decodes with Image I/O's own readers for PNG and JPEG, and with TwelveMonkeys' pure-Java reader
   * for WebP: an implementation independent of the libwebp that wrote it.
   */
  private static BufferedImage decode(ImageFormat format, byte[] bytes) throws IOException {
    if (format != ImageFormat.WEBP) {
      return Png.decode(bytes);
    }
    ImageReader reader = format.newReader();
    try {
      reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }
}
