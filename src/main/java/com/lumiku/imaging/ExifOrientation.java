package com.lumiku.imaging;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The EXIF orientation of a JPEG: how the camera says the stored pixels must be turned or mirrored
 * to stand upright (phones store portraits sideways and set 6 or 8). Stripping EXIF without
 * applying it would store the photo lying on its side.
 *
 * <p>Read from the first APP1 "Exif" segment only; PNG's {@code eXIf} and WebP's {@code EXIF}
 * chunks are not read (cameras write JPEG, and browsers disagree about orientation in the others).
 * A missing, unreadable or out-of-range value counts as upright: the EXIF block is thrown away
 * anyway, and a broken one is no reason to refuse the picture.
 *
 * @param value the EXIF value, 1 (upright) to 8
 */
record ExifOrientation(int value) {

  static final ExifOrientation UPRIGHT = new ExifOrientation(1);

  /** The orientation the JPEG declares; {@link #UPRIGHT} if none or unreadable. */
  static ExifOrientation of(byte[] jpeg) {
    try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(jpeg)) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(stream, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return UPRIGHT;
      }
      byte[] tiff;
      try (InputStream data = exif.get(0).data()) {
        tiff = data.readAllBytes(); // "Exif\0" is skipped; one pad byte remains
      }
      if (tiff.length < 2) {
        return UPRIGHT;
      }
      Directory directory =
          new TIFFReader().read(new ByteArrayImageInputStream(tiff, 1, tiff.length - 1));
      Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
      int value = entry != null && entry.getValue() instanceof Number n ? n.intValue() : 1;
      return value >= 1 && value <= 8 ? new ExifOrientation(value) : UPRIGHT;
    } catch (IOException | RuntimeException e) {
      return UPRIGHT;
    }
  }

  /** Whether turning the picture upright swaps its width and height (values 5 to 8). */
  boolean swapsSides() {
    return value >= 5;
  }

  /** The stored pixels turned upright, as packed RGB or ARGB (see {@link ImageCodecs#packed}). */
  BufferedImage apply(BufferedImage stored) {
    if (value == 1) {
      return ImageCodecs.packed(stored);
    }
    int w = stored.getWidth();
    int h = stored.getHeight();
    // x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12; arguments: m00, m10, m01, m11, m02, m12
    AffineTransform upright =
        switch (value) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turn a quarter clockwise
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transverse
          default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: a quarter counter-clockwise
        };
    int type = ImageCodecs.packedType(stored);
    return swapsSides()
        ? ImageCodecs.redraw(stored, h, w, type, upright, null)
        : ImageCodecs.redraw(stored, w, h, type, upright, null);
  }
}
