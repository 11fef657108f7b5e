package com.lumiku.imaging;

import com.lumiku.imaging.ImageRefusedException.Reason;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;

/**
 * Turns the bytes of an uploaded picture, which anybody may have crafted, into a picture safe to
 * store and serve: a fresh PNG of the decoded pixels, nothing else of the upload kept.
 *
 * <p>In order, each step refusing with an {@link ImageRefusedException}:
 *
 * <ol>
 *   <li>the size in bytes against {@link Limits#maxBytes()}, before anything is parsed;
 *   <li>the format from the first bytes (PNG, JPEG or WebP; the file name and Content-Type the
 *       client sent are not consulted): GIF, SVG, HTML, archives and the like are refused here;
 *   <li>the width and height from the header alone, before any pixel memory is allocated, against
 *       the minimum and maximum sides and the maximum pixel count, so that a small file declaring a
 *       huge picture (a decompression bomb) costs a header read;
 *   <li>the decoding, with readers chosen explicitly (see {@link ImageCodecs}), ignoring metadata;
 *       any decoder failure, and libjpeg's warnings about damaged data, are {@link Reason#CORRUPT};
 *   <li>for JPEG, the EXIF orientation is applied ({@link ExifOrientation}), so phone photos stand
 *       upright once the EXIF block is gone (the limits apply to the upright sides);
 *   <li>the pixels are encoded as a new sRGB PNG (8-bit RGB, or RGBA when the upload has alpha),
 *       which drops EXIF (including GPS position), XMP, ICC profiles, comments and anything
 *       appended to the file. The ICC profile of a JPEG or WebP is applied first (TwelveMonkeys'
 *       readers convert to sRGB); a PNG's is not read (metadata is ignored), so its colours are
 *       taken as sRGB, a slight shift for, say, Display P3 screenshots.
 * </ol>
 *
 * <p>Limits, honestly: memory per upload is bounded by the pixel limit (about 64 MiB for the
 * decoded picture at the default 4096 x 4096, twice that for 16-bit PNGs, plus a copy while
 * re-encoding), not by the file size; so at most {@link #DECODES_AT_ONCE} are decoded at once. Time
 * is not bounded here: a progressive JPEG with very many scans decodes slowly. Only the first frame
 * of an animated WebP or PNG is kept. A JPEG whose compressed data libjpeg reports as damaged or
 * cut short is refused, though libjpeg (and browsers) would show it with the missing part grey; the
 * other warnings decoders give, about metadata, are ignored.
 *
 * <p>Thread-safe; one instance per set of limits.
 */
public final class ImageUploads {

  /** Default {@link Limits#maxBytes()}: 10 MiB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** Default {@link Limits#maxWidth()} and {@link Limits#maxHeight()}. */
  public static final int DEFAULT_MAX_SIDE = 4096;

  /** Default {@link Limits#minWidth()} and {@link Limits#minHeight()}. */
  public static final int DEFAULT_MIN_SIDE = 64;

  /** Default {@link Limits#maxPixels()}: 4096 x 4096, about 16.8 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 4096L * 4096;

  /**
   * What an upload may be. Build it from the caller's own settings; {@link #DEFAULTS} otherwise.
   *
   * @param maxBytes the largest file accepted, at most {@code Integer.MAX_VALUE - 8}
   * @param minWidth the narrowest picture accepted, in pixels
   * @param minHeight the lowest picture accepted, in pixels
   * @param maxWidth the widest picture accepted, in pixels
   * @param maxHeight the highest picture accepted, in pixels
   * @param maxPixels the largest width x height accepted
   */
  public record Limits(
      long maxBytes, int minWidth, int minHeight, int maxWidth, int maxHeight, long maxPixels) {

    public static final Limits DEFAULTS =
        new Limits(
            DEFAULT_MAX_BYTES,
            DEFAULT_MIN_SIDE,
            DEFAULT_MIN_SIDE,
            DEFAULT_MAX_SIDE,
            DEFAULT_MAX_SIDE,
            DEFAULT_MAX_PIXELS);

    /**
     * @throws IllegalArgumentException if a limit is not positive, a minimum exceeds its maximum or
     *     maxBytes does not fit in an array
     */
    public Limits {
      if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxBytes must be 1 to 2^31 - 9, not " + maxBytes);
      }
      if (minWidth < 1 || minHeight < 1 || maxPixels < 1) {
        throw new IllegalArgumentException("The minimum sides and maxPixels must be positive");
      }
      if (minWidth > maxWidth || minHeight > maxHeight) {
        throw new IllegalArgumentException("A minimum side exceeds its maximum");
      }
    }
  }

  /**
   * The beginnings of libjpeg's warnings about the compressed data (jerror.h: JWRN_HIT_MARKER,
   * JWRN_HUFF_BAD_CODE, JWRN_EXTRANEOUS_DATA, JWRN_JPEG_EOF, JWRN_BOGUS_PROGRESSION, ...). libjpeg
   * decodes such files anyway, filling what it could not read with grey; they are refused instead.
   * The JDK passes the first warning of a picture on; warnings about metadata (ICC profiles, Exif)
   * do not count.
   */
  private static final List<String> LIBJPEG_DAMAGE =
      List.of(
          "Corrupt JPEG data",
          "Premature end of JPEG file",
          "Inconsistent progression sequence",
          "Invalid SOS parameters");

  /**
   * Uploads decoded at once in this JVM, whoever asks: each may take up to about 128 MiB of pixels
   * (a 16-bit 4096 x 4096 PNG) however small its file, so a burst of uploads must not decode
   * together. The others wait up to {@link #BUSY_WAIT}, then are refused as {@link Reason#BUSY}.
   */
  static final int DECODES_AT_ONCE = 2;

  static final Duration BUSY_WAIT = Duration.ofSeconds(10);

  private static final Semaphore DECODING = new Semaphore(DECODES_AT_ONCE, true);

  private final Limits limits;

  public ImageUploads(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Reads an upload from a stream, at most one byte more than {@link Limits#maxBytes()}: a larger
   * upload is refused without reading (or buffering) the rest. The stream is not closed.
   *
   * @throws IOException if the stream fails (the client went away, for instance)
   * @see #accept(byte[])
   */
  public AcceptedImage accept(InputStream upload) throws ImageRefusedException, IOException {
    return accept(upload, 0);
  }

  /**
   * Like {@link #accept(InputStream)}, with a thumbnail at most {@code thumbnailSize} pixels on its
   * longer side (0: none), made from the decoded picture while it is at hand.
   */
  public AcceptedImage accept(InputStream upload, int thumbnailSize)
      throws ImageRefusedException, IOException {
    byte[] bytes = upload.readNBytes((int) limits.maxBytes() + 1);
    return accept(bytes, thumbnailSize);
  }

  /**
   * The upload as a fresh PNG, with its (upright) size and the format it came in.
   *
   * @throws ImageRefusedException if the upload is empty, too large, not PNG, JPEG or WebP,
   *     unreadable, or its sides or pixel count are outside the limits
   */
  public AcceptedImage accept(byte[] upload) throws ImageRefusedException {
    return accept(upload, 0);
  }

  /**
   * Like {@link #accept(byte[])}, with a thumbnail at most {@code thumbnailSize} pixels on its
   * longer side (0: none), made within the limit on decodes at once, from the decoded picture.
   */
  public AcceptedImage accept(byte[] upload, int thumbnailSize) throws ImageRefusedException {
    if (upload == null || upload.length == 0) {
      throw refused(Reason.EMPTY, "The upload is empty.");
    }
    if (upload.length > limits.maxBytes()) {
      throw refused(
          Reason.TOO_LARGE, "The picture is larger than " + bytes(limits.maxBytes()) + ".");
    }
    ImageFormat format =
        ImageFormat.detect(upload)
            .orElseThrow(
                () ->
                    refused(
                        Reason.UNSUPPORTED_FORMAT,
                        "Only PNG, JPEG and WebP pictures are accepted."));
    ExifOrientation orientation =
        format == ImageFormat.JPEG ? ExifOrientation.of(upload) : ExifOrientation.UPRIGHT;
    try {
      if (!DECODING.tryAcquire(BUSY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw refused(
            Reason.BUSY, "Many pictures are being checked right now; try again in a few seconds.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused(Reason.BUSY, "The picture could not be checked now; try again.");
    }
    try {
      BufferedImage stored = decode(upload, format, orientation);
      BufferedImage upright = orientation.apply(stored);
      return new AcceptedImage(
          Png.encode(upright),
          upright.getWidth(),
          upright.getHeight(),
          format,
          thumbnailSize > 0 ? Png.thumbnail(upright, thumbnailSize) : null);
    } finally {
      DECODING.release();
    }
  }

  private BufferedImage decode(byte[] upload, ImageFormat format, ExifOrientation orientation)
      throws ImageRefusedException {
    ImageReader reader = format.newReader();
    List<String> damage = new ArrayList<>();
    reader.addIIOReadWarningListener(
        (source, warning) -> {
          if (LIBJPEG_DAMAGE.stream().anyMatch(warning::startsWith)) {
            damage.add(warning);
          }
        });
    try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(upload)) {
      reader.setInput(input, true, true);
      int storedWidth = reader.getWidth(0);
      int storedHeight = reader.getHeight(0);
      check(
          orientation.swapsSides() ? storedHeight : storedWidth,
          orientation.swapsSides() ? storedWidth : storedHeight);
      BufferedImage image = reader.read(0);
      if (!damage.isEmpty()) {
        throw new IIOException("The decoder patched up damaged data: " + damage);
      }
      return image;
    } catch (IOException | RuntimeException e) {
      // Decoders fail on crafted input with all sorts of runtime exceptions, not only IIOException.
      throw new ImageRefusedException(
          Reason.CORRUPT,
          "The picture could not be read: it may be damaged, incomplete or in an unusual variant"
              + " of its format.",
          e);
    } finally {
      reader.dispose();
    }
  }

  /** The upright sides against the limits, before a pixel is decoded. */
  private void check(int width, int height) throws ImageRefusedException {
    String size = width + " x " + height + " pixels";
    if (width < limits.minWidth() || height < limits.minHeight()) {
      throw refused(
          Reason.TOO_SMALL,
          "The picture is "
              + size
              + "; it must be at least "
              + limits.minWidth()
              + " x "
              + limits.minHeight()
              + ".");
    }
    if (width > limits.maxWidth() || height > limits.maxHeight()) {
      throw refused(
          Reason.DIMENSIONS_TOO_LARGE,
          "The picture is "
              + size
              + "; it may be at most "
              + limits.maxWidth()
              + " x "
              + limits.maxHeight()
              + ".");
    }
    if ((long) width * height > limits.maxPixels()) {
      long most = limits.maxPixels();
      throw refused(
          Reason.TOO_MANY_PIXELS,
          "The picture is "
              + size
              + "; it may have at most "
              + (most >= 1_000_000
                  ? String.format(Locale.ROOT, "%.1f megapixels.", most / 1e6)
                  : most + " pixels."));
    }
  }

  private static ImageRefusedException refused(Reason reason, String sentence) {
    return new ImageRefusedException(reason, sentence, null);
  }

  /** "10 MiB", "512 KiB" or "300 bytes", whichever is whole. */
  private static String bytes(long count) {
    if (count % (1024 * 1024) == 0) {
      return count / (1024 * 1024) + " MiB";
    }
    return count % 1024 == 0 ? count / 1024 + " KiB" : count + " bytes";
  }
}
