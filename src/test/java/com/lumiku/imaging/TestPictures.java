package com.lumiku.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pictures and byte surgery for the imaging tests. */
public final class TestPictures {

  private TestPictures() {}

  /**
   * Four flat quadrants (red, green, blue, white) with a black square in the top left corner: easy
   * for lossy codecs to keep, and any turn or mirror shows.
   */
  public static BufferedImage quadrants(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    try {
      int w = width / 2;
      int h = height / 2;
      g.setColor(Color.RED);
      g.fillRect(0, 0, w, h);
      g.setColor(Color.GREEN);
      g.fillRect(w, 0, width - w, h);
      g.setColor(Color.BLUE);
      g.fillRect(0, h, w, height - h);
      g.setColor(Color.WHITE);
      g.fillRect(w, h, width - w, height - h);
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, w / 3, h / 3);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The mean difference of the red, green and blue samples of two pictures of the same size. */
  static double meanDifference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  /** Whether the colour is within {@code tolerance} of the expected one in every channel. */
  static boolean near(int argb, Color expected, int tolerance) {
    return Math.abs((argb >> 16 & 0xff) - expected.getRed()) <= tolerance
        && Math.abs((argb >> 8 & 0xff) - expected.getGreen()) <= tolerance
        && Math.abs((argb & 0xff) - expected.getBlue()) <= tolerance;
  }

  /** Whether {@code text} occurs in the bytes (as ASCII). */
  static boolean contains(byte[] bytes, String text) {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * A valid PNG whose header declares {@code width} x {@code height} while its image data is that
   * of a 64 x 64 picture: a decompression bomb as far as a header-trusting decoder is concerned.
   * The IHDR checksum is recomputed, so only the sizes are wrong.
   */
  public static byte[] pngDeclaring(int width, int height) {
    byte[] png = Png.encode(quadrants(64, 64, BufferedImage.TYPE_INT_RGB));
    ByteBuffer bytes = ByteBuffer.wrap(png); // IHDR: length at 8, "IHDR" at 12, data at 16..28
    bytes.putInt(16, width).putInt(20, height);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    bytes.putInt(29, (int) crc.getValue());
    return png;
  }

  /**
   * The JPEG with an APP1 Exif segment right after SOI, holding one IFD with the orientation and an
   * ASCII camera make ("GPSTEST"): enough for readers and for checking that it is gone.
   */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    byte[] make = "GPSTEST\0".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + make.length); // big-endian
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 2);
    tiff.putShort((short) 0x010f).putShort((short) 2).putInt(make.length).putInt(38); // Make
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0).put(make);
    return withSegment(jpeg, 0xe1, "Exif\0\0", tiff.array());
  }

  /** The JPEG with its colours declared to be in the ICC profile (an APP2 segment). */
  static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
    byte[] data = profile.getData();
    byte[] payload = new byte[2 + data.length];
    payload[0] = 1; // chunk 1 of 1
    payload[1] = 1;
    System.arraycopy(data, 0, payload, 2, data.length);
    return withSegment(jpeg, 0xe2, "ICC_PROFILE\0", payload);
  }

  /**
   * A CMYK JPEG as Photoshop writes them (an Adobe APP14 segment, transform 0, inverted inks): the
   * left half red (no cyan, full magenta and yellow), the right half green. The JDK's reader alone
   * refuses these ("Unsupported Image Type").
   */
  static byte[] adobeCmykJpeg(int width, int height) throws IOException {
    WritableRaster inks =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        inks.setPixel(
            x, y, x < width / 2 ? new int[] {255, 0, 0, 255} : new int[] {0, 255, 0, 255});
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (ImageOutputStream output = new MemoryCacheImageOutputStream(raw)) {
      writer.setOutput(output);
      writer.write(null, new IIOImage(inks, null, null), null);
    } finally {
      writer.dispose();
    }
    // version 100, no flags, transform 0 (no colour transform: the inks as they are)
    return withSegment(raw.toByteArray(), 0xee, "Adobe", new byte[] {0, 100, 0, 0, 0, 0, 0});
  }

  /** The JPEG with an APPn segment ({@code marker} 0xe0 to 0xef) inserted right after SOI. */
  private static byte[] withSegment(byte[] jpeg, int marker, String identifier, byte[] payload) {
    byte[] id = identifier.getBytes(StandardCharsets.US_ASCII);
    int length = 2 + id.length + payload.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.writeBytes(new byte[] {(byte) 0xff, (byte) marker, (byte) (length >> 8), (byte) length});
    out.writeBytes(id);
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The first {@code fraction} of the bytes. */
  static byte[] truncated(byte[] bytes, double fraction) {
    return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }
}
