package com.lumiku.imaging;

import static com.lumiku.imaging.TestPictures.contains;
import static com.lumiku.imaging.TestPictures.meanDifference;
import static com.lumiku.imaging.TestPictures.near;
import static com.lumiku.imaging.TestPictures.quadrants;
import static com.lumiku.imaging.TestPictures.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.imaging.ImageRefusedException.Reason;
import com.lumiku.imaging.ImageUploads.Limits;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageUploadsTest {

  private static final BufferedImage PICTURE = quadrants(200, 120, BufferedImage.TYPE_INT_RGB);

  private final ImageUploads uploads = new ImageUploads(Limits.DEFAULTS);

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void acceptsEachFormatAsAFreshPng(ImageFormat format) throws Exception {
    AcceptedImage accepted = uploads.accept(format.encode(PICTURE));

    assertThat(accepted.source()).isEqualTo(format);
    assertThat(accepted.width()).isEqualTo(200);
    assertThat(accepted.height()).isEqualTo(120);
    assertThat(Png.isPng(accepted.png())).isTrue();
    BufferedImage stored = Png.decode(accepted.png());
    assertThat(stored.getWidth()).isEqualTo(200);
    assertThat(meanDifference(PICTURE, stored)).isLessThan(3.0);
  }

  @Test
  void acceptsCmykJpegs() throws Exception {
    AcceptedImage accepted = uploads.accept(TestPictures.adobeCmykJpeg(100, 80));
    assertThat(accepted.source()).isEqualTo(ImageFormat.JPEG);
    BufferedImage stored = Png.decode(accepted.png());
    assertThat(near(stored.getRGB(10, 40), Color.RED, 8)).isTrue();
    assertThat(near(stored.getRGB(90, 40), Color.GREEN, 8)).isTrue();
  }

  @Test
  void convertsAJpegsColourProfileToSrgb() throws Exception {
    BufferedImage grey = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 100; y++) {
      for (int x = 0; x < 100; x++) {
        grey.setRGB(x, y, 0x808080);
      }
    }
    byte[] linear =
        TestPictures.withIccProfile(
            ImageFormat.JPEG.encode(grey), ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));

    byte[] png = uploads.accept(linear).png();

    // linear 128/255 is sRGB 188/255; the profile itself is not stored
    assertThat(near(Png.decode(png).getRGB(50, 50), new Color(188, 188, 188), 3)).isTrue();
    assertThat(contains(png, "iCCP")).isFalse();
  }

  @Test
  void keepsTransparency() throws Exception {
    BufferedImage clear = quadrants(100, 100, BufferedImage.TYPE_INT_ARGB);
    clear.setRGB(90, 90, 0);
    BufferedImage stored = Png.decode(uploads.accept(Png.encode(clear)).png());
    assertThat(stored.getRGB(90, 90) >>> 24).isZero();
    assertThat(stored.getRGB(10, 10) >>> 24).isEqualTo(0xff);
  }

  @Test
  void readsAStreamUpToTheLimit() throws Exception {
    byte[] png = Png.encode(PICTURE);
    AcceptedImage accepted = uploads.accept(new ByteArrayInputStream(png));
    assertThat(accepted.width()).isEqualTo(200);
  }

  @Test
  void stopsReadingAStreamBeyondTheLimit() {
    Limits small = new Limits(1000, 64, 64, 4096, 4096, 4096L * 4096);
    CountingStream endless = new CountingStream();
    refusal(() -> new ImageUploads(small).accept(endless), Reason.TOO_LARGE)
        .hasMessage("The picture is larger than 1000 bytes.");
    assertThat(endless.read).isEqualTo(1001);
  }

  @Test
  void refusesMoreBytesThanTheLimitBeforeLookingAtThem() {
    byte[] png = Png.encode(PICTURE);
    Limits tight = new Limits(png.length - 1, 64, 64, 4096, 4096, 4096L * 4096);
    refusal(() -> new ImageUploads(tight).accept(png), Reason.TOO_LARGE);
    assertThat(ImageUploads.DEFAULT_MAX_BYTES).isEqualTo(10 * 1024 * 1024);
    refusal(() -> uploads.accept(new byte[11 * 1024 * 1024]), Reason.TOO_LARGE)
        .hasMessage("The picture is larger than 10 MiB.");
  }

  @Test
  void refusesNothing() {
    refusal(() -> uploads.accept(new byte[0]), Reason.EMPTY);
    refusal(() -> uploads.accept((byte[]) null), Reason.EMPTY);
  }

  @Test
  void refusesGif() throws IOException {
    ByteArrayOutputStream gif = new ByteArrayOutputStream();
    assertThat(ImageIO.write(PICTURE, "gif", gif)).isTrue();
    refusal(() -> uploads.accept(gif.toByteArray()), Reason.UNSUPPORTED_FORMAT)
        .hasMessage("Only PNG, JPEG and WebP pictures are accepted.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
            + "<script>alert(1)</script></svg>",
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
        "\u0089PNG", // the signature, cut short
        "RIFF\u0024\0\0\0WAVEfmt " // RIFF, but audio
      })
  void refusesTextAndLookAlikes(String text) {
    refusal(
        () -> uploads.accept(text.getBytes(StandardCharsets.ISO_8859_1)),
        Reason.UNSUPPORTED_FORMAT);
  }

  @Test
  void refusesAZipEvenNamedLikeAPicture() throws IOException {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("avatar.png"));
      out.write(Png.encode(PICTURE));
    }
    refusal(() -> uploads.accept(zip.toByteArray()), Reason.UNSUPPORTED_FORMAT);
  }

  @Test
  void refusesGarbage() {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    garbage[0] = 0x13; // whatever the seed, not a signature
    refusal(() -> uploads.accept(garbage), Reason.UNSUPPORTED_FORMAT);
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void refusesATruncatedPicture(ImageFormat format) {
    byte[] cut = truncated(format.encode(PICTURE), 0.5);
    refusal(() -> uploads.accept(cut), Reason.CORRUPT)
        .hasMessageStartingWith("The picture could not be read")
        .hasCauseInstanceOf(Exception.class);
  }

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void refusesASignatureFollowedByGarbage(ImageFormat format) {
    byte[] bytes = format.encode(PICTURE);
    byte[] damaged = new byte[bytes.length];
    new Random(7).nextBytes(damaged);
    System.arraycopy(bytes, 0, damaged, 0, format == ImageFormat.WEBP ? 12 : 8);
    refusal(() -> uploads.accept(damaged), Reason.CORRUPT);
  }

  @Test
  void refusesTooSmall() {
    byte[] tiny = Png.encode(quadrants(63, 200, BufferedImage.TYPE_INT_RGB));
    refusal(() -> uploads.accept(tiny), Reason.TOO_SMALL)
        .hasMessage("The picture is 63 x 200 pixels; it must be at least 64 x 64.");
  }

  @Test
  void refusesSidesBeyondTheMaximum() {
    byte[] wide = Png.encode(quadrants(4097, 64, BufferedImage.TYPE_BYTE_GRAY));
    refusal(() -> uploads.accept(wide), Reason.DIMENSIONS_TOO_LARGE)
        .hasMessage("The picture is 4097 x 64 pixels; it may be at most 4096 x 4096.");
  }

  @Test
  void refusesMorePixelsThanTheLimit() {
    Limits few = new Limits(1 << 20, 64, 64, 4096, 4096, 200 * 119);
    refusal(() -> new ImageUploads(few).accept(Png.encode(PICTURE)), Reason.TOO_MANY_PIXELS)
        .hasMessage("The picture is 200 x 120 pixels; it may have at most 23800 pixels.");
  }

  @Test
  void refusesAPngBombFromItsHeader() {
    byte[] bomb = TestPictures.pngDeclaring(60_000, 60_000);
    assertThat(bomb.length).isLessThan(2000);
    // Sides within the limits, pixels not: decoding would need 14 GB.
    Limits wideSides =
        new Limits(1 << 20, 64, 64, 100_000, 100_000, ImageUploads.DEFAULT_MAX_PIXELS);
    refusal(() -> new ImageUploads(wideSides).accept(bomb), Reason.TOO_MANY_PIXELS)
        .hasMessage("The picture is 60000 x 60000 pixels; it may have at most 16.8 megapixels.");
    refusal(() -> uploads.accept(bomb), Reason.DIMENSIONS_TOO_LARGE);
  }

  @Test
  void refusesAJpegBombFromItsHeader() {
    byte[] jpeg = ImageFormat.JPEG.encode(PICTURE);
    int sof = indexOf(jpeg, 0xff, 0xc0); // SOF0: marker, length (2), precision, height, width
    ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) 50_000).putShort(sof + 7, (short) 50_000);
    Limits wideSides =
        new Limits(1 << 20, 64, 64, 100_000, 100_000, ImageUploads.DEFAULT_MAX_PIXELS);
    refusal(() -> new ImageUploads(wideSides).accept(jpeg), Reason.TOO_MANY_PIXELS)
        .hasMessageStartingWith("The picture is 50000 x 50000 pixels");
  }

  @Test
  void refusesAWebpBombFromItsHeader() {
    byte[] webp = ImageFormat.WEBP.encode(PICTURE);
    // Simple lossy WebP: "VP8 " chunk at 12, frame tag at 20, start code at 23, 14-bit sides at 26.
    assertThat(new String(webp, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8 ");
    ByteBuffer.wrap(webp)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort(26, (short) 0x3fff)
        .putShort(28, (short) 0x3fff);
    Limits wideSides =
        new Limits(1 << 20, 64, 64, 100_000, 100_000, ImageUploads.DEFAULT_MAX_PIXELS);
    refusal(() -> new ImageUploads(wideSides).accept(webp), Reason.TOO_MANY_PIXELS)
        .hasMessageStartingWith("The picture is 16383 x 16383 pixels");
  }

  @Test
  void dropsExif() throws Exception {
    byte[] jpeg = TestPictures.withExif(ImageFormat.JPEG.encode(PICTURE), 1);
    assertThat(contains(jpeg, "Exif")).isTrue();
    assertThat(contains(jpeg, "GPSTEST")).isTrue();

    byte[] png = uploads.accept(jpeg).png();

    assertThat(contains(png, "Exif")).isFalse();
    assertThat(contains(png, "eXIf")).isFalse();
    assertThat(contains(png, "GPSTEST")).isFalse();
    assertThat(chunkTypes(png)).containsExactly("IHDR", "IDAT", "IEND");
  }

  @ParameterizedTest
  @CsvSource({
    // orientation, upright width, where the black corner ends up (x, y)
    "1, 200, 5, 5",
    "3, 200, 195, 115",
    "6, 120, 115, 5",
    "8, 120, 5, 195",
    "2, 200, 195, 5",
    "4, 200, 5, 115",
    "5, 120, 5, 5",
    "7, 120, 115, 195"
  })
  void turnsJpegsUprightByTheirExifOrientation(int orientation, int width, int x, int y)
      throws Exception {
    byte[] jpeg = TestPictures.withExif(ImageFormat.JPEG.encode(PICTURE), orientation);

    AcceptedImage accepted = uploads.accept(jpeg);

    assertThat(accepted.width()).isEqualTo(width);
    assertThat(accepted.height()).isEqualTo(320 - width);
    BufferedImage upright = Png.decode(accepted.png());
    assertThat(upright.getWidth()).isEqualTo(width);
    assertThat(near(upright.getRGB(x, y), Color.BLACK, 12)).isTrue();
  }

  @Test
  void appliesTheLimitsToTheUprightSides() {
    byte[] jpeg = TestPictures.withExif(ImageFormat.JPEG.encode(PICTURE), 6); // 120 x 200 upright
    Limits landscape = new Limits(1 << 20, 64, 64, 4096, 150, ImageUploads.DEFAULT_MAX_PIXELS);
    refusal(() -> new ImageUploads(landscape).accept(jpeg), Reason.DIMENSIONS_TOO_LARGE)
        .hasMessage("The picture is 120 x 200 pixels; it may be at most 4096 x 150.");
  }

  @Test
  void checksItsLimits() {
    assertThatThrownBy(() -> new Limits(0, 64, 64, 4096, 4096, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(100, 128, 64, 100, 4096, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(100, 64, 64, 4096, 4096, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(Integer.MAX_VALUE, 64, 64, 4096, 4096, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refusal(
      ThrowingCallable upload, Reason reason) {
    return assertThatThrownBy(upload)
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            refused -> {
              assertThat(refused.reason()).isEqualTo(reason);
              assertThat(refused.sentence()).isEqualTo(refused.getMessage()).endsWith(".");
            });
  }

  private static int indexOf(byte[] bytes, int first, int second) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      if ((bytes[i] & 0xff) == first && (bytes[i + 1] & 0xff) == second) {
        return i;
      }
    }
    throw new AssertionError("marker not found");
  }

  /** The types of a PNG's chunks, in order. */
  private static List<String> chunkTypes(byte[] png) {
    List<String> types = new ArrayList<>();
    ByteBuffer bytes = ByteBuffer.wrap(png);
    for (int at = 8; at + 8 <= png.length; at += 12 + bytes.getInt(at)) {
      types.add(new String(png, at + 4, 4, StandardCharsets.US_ASCII));
    }
    return types;
  }

  /** An endless stream of zeros that counts what was read. */
  private static final class CountingStream extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, (byte) 0);
      read += length;
      return length;
    }
  }
}
