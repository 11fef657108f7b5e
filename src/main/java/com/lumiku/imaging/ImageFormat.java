package com.lumiku.imaging;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReader;

/**
 * The picture formats Lumiku reads and writes: PNG (what it stores), JPEG and WebP (what a user may
 * also upload or export to).
 *
 * <p>Encoding: PNG is lossless and keeps alpha. JPEG is baseline at quality {@value #JPEG_QUALITY}
 * and has no alpha, so transparent areas become white. WebP is lossy at quality {@value
 * #WEBP_QUALITY} and keeps alpha (stored losslessly). For the local generator's 768 x 768 portraits
 * that is about 49 KB as PNG, 29 KB as JPEG and 10 KB as WebP (lossless WebP: 21 KB), with a mean
 * error under 2 of 255 per channel for both lossy ones.
 *
 * <p>WebP is written by libwebp through JNI (webp-imageio), whose natives are bundled for Linux
 * with glibc (x86_64, x86, aarch64, arm, ppc64; x86_64 needs glibc 2.27 or later, Alpine's musl is
 * not supported), macOS and Windows and extracted to {@code java.io.tmpdir} (or {@code
 * com.luciad.imageio.webp.tmpdir}) at the first WebP export. On another platform, or with a
 * temporary directory mounted {@code noexec}, WebP export fails with an {@link
 * IllegalStateException} while PNG and JPEG keep working.
 */
public enum ImageFormat {
  PNG("png", "image/png", "png", 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'),
  JPEG("jpeg", "image/jpeg", "jpg", 0xff, 0xd8, 0xff),
  /** A RIFF container ({@code "RIFF"}, little-endian size, {@code "WEBP"}). */
  WEBP("webp", "image/webp", "webp", 'R', 'I', 'F', 'F', -1, -1, -1, -1, 'W', 'E', 'B', 'P');

  /** JPEG quality, 0..1. */
  public static final float JPEG_QUALITY = 0.9f;

  /** WebP quality, 0..1 (libwebp's 85 of 100). */
  public static final float WEBP_QUALITY = 0.85f;

  private final String code;
  private final String mediaType;
  private final String extension;

  /** The first bytes of every file in the format; -1 matches any byte. */
  private final int[] signature;

  ImageFormat(String code, String mediaType, String extension, int... signature) {
    this.code = code;
    this.mediaType = mediaType;
    this.extension = extension;
    this.signature = signature;
  }

  /** How the API names the format, e.g. in {@code ?format=webp}. */
  public String code() {
    return code;
  }

  /** The Content-Type of a file in the format. */
  public String mediaType() {
    return mediaType;
  }

  /** The usual file name extension, without the dot ({@code jpg} for JPEG). */
  public String extension() {
    return extension;
  }

  /**
   * The picture in this format.
   *
   * @throws IllegalStateException for WebP when libwebp cannot be loaded on this platform
   */
  public byte[] encode(BufferedImage image) {
    return switch (this) {
      case PNG -> Png.encode(image);
      case JPEG ->
          ImageCodecs.writeJpeg(
              ImageCodecs.redraw(
                  image,
                  image.getWidth(),
                  image.getHeight(),
                  BufferedImage.TYPE_INT_RGB,
                  new AffineTransform(),
                  Color.WHITE),
              JPEG_QUALITY);
      case WEBP -> ImageCodecs.writeWebp(ImageCodecs.packed(image), WEBP_QUALITY);
    };
  }

  /**
   * The format a client named: its code or its file extension ({@code jpg} for JPEG), in any case,
   * surrounding blanks ignored.
   *
   * @throws IllegalArgumentException for a blank or unknown name; its message lists the choices and
   *     can be shown to the client (it does not repeat what the client sent)
   */
  public static ImageFormat parse(String code) {
    String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(format -> format.code.equals(wanted) || format.extension.equals(wanted))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("The image format must be png, jpeg or webp."));
  }

  /**
   * The format the bytes are in, judged by their first bytes alone (never by a file name or a
   * Content-Type, which the sender chooses). A match says what the file claims to be, not that it
   * is complete or readable.
   */
  public static Optional<ImageFormat> detect(byte[] bytes) {
    return Arrays.stream(values()).filter(format -> format.hasSignature(bytes)).findFirst();
  }

  /** Whether the bytes start with this format's signature. */
  boolean hasSignature(byte[] bytes) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if (signature[i] >= 0 && (bytes[i] & 0xff) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  /** A new reader for this format (see {@link ImageCodecs}); dispose of it after use. */
  ImageReader newReader() {
    return ImageCodecs.reader(this);
  }
}
