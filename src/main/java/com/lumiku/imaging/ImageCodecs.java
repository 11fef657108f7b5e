package com.lumiku.imaging;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The readers and writers behind {@link ImageFormat}, chosen by class instead of being looked up by
 * format name in Image I/O's global registry. That registry is filled once per JVM, from the
 * context class loader of whichever code touches Image I/O first; in an application server that
 * need not be this WAR, so the plugins in its WEB-INF/lib may be missing unless somebody calls
 * {@code ImageIO.scanForPlugins()}, which would also pin the WAR's class loader in a JVM-wide
 * registry across redeployments. The JDK's own PNG and JPEG plugins are always registered, so they
 * are taken from it by class name. (ImageCodecsTest checks that nothing else is needed.)
 *
 * <p>Readers: the JDK's PNG reader; TwelveMonkeys' JPEG reader (which decodes through the JDK's
 * libjpeg but adds CMYK/YCCK, ICC profiles and tolerance for broken markers); TwelveMonkeys' WebP
 * reader, pure Java. Writers: the JDK's JPEG writer; libwebp through webp-imageio's JNI binding for
 * WebP (natives bundled in its jar, extracted to {@code java.io.tmpdir} at the first use). PNG is
 * written by {@link Png#encode}, through {@code ImageIO.write}: only the JDK has a PNG writer.
 */
final class ImageCodecs {

  private static final ImageReaderSpi PNG_READER =
      jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.png.PNGImageReaderSpi");
  private static final ImageWriterSpi JPEG_WRITER =
      jdkProvider(ImageWriterSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi");
  private static final ImageReaderSpi JPEG_READER = twelveMonkeysJpegReader();
  private static final ImageReaderSpi WEBP_READER = new WebPImageReaderSpi();
  private static final ImageWriterSpi WEBP_WRITER = new WebPImageWriterSpi();

  private ImageCodecs() {}

  /** A new reader for the format (readers hold state: one per picture, then dispose it). */
  static ImageReader reader(ImageFormat format) {
    ImageReaderSpi spi =
        switch (format) {
          case PNG -> PNG_READER;
          case JPEG -> JPEG_READER;
          case WEBP -> WEBP_READER;
        };
    try {
      return spi.createReaderInstance(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Baseline JPEG at the given quality (0..1); the picture must be opaque RGB. */
  static byte[] writeJpeg(BufferedImage opaque, float quality) {
    ImageWriter writer = newWriter(JPEG_WRITER);
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    return write(writer, param, opaque);
  }

  /**
   * Lossy WebP at the given quality (0..1), alpha kept (libwebp stores it losslessly next to the
   * lossy colours).
   *
   * @throws IllegalStateException if libwebp could not be loaded on this platform
   */
  static byte[] writeWebp(BufferedImage image, float quality) {
    try {
      ImageWriter writer = newWriter(WEBP_WRITER);
      WebPWriteParam param = (WebPWriteParam) writer.getDefaultWriteParam();
      param.setCompressionType(CompressionType.Lossy);
      param.setCompressionQuality(quality);
      return write(writer, param, image);
    } catch (LinkageError e) {
      // webp-imageio only prints its own loading failure; the first native call then fails.
      throw new IllegalStateException(
          "WebP export needs libwebp from webp-imageio, which could not be loaded for "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + " (it is extracted to com.luciad.imageio.webp.tmpdir, else java.io.tmpdir, which"
              + " must allow executing files)",
          e);
    }
  }

  /**
   * The picture drawn onto a new {@code width} x {@code height} image of {@code type}: through
   * {@code transform} (pixel exact for quarter turns and mirrors), over {@code background} when one
   * is given (which is how transparency is dropped), else copying alpha as it is.
   */
  static BufferedImage redraw(
      BufferedImage image,
      int width,
      int height,
      int type,
      AffineTransform transform,
      Color background) {
    BufferedImage target = new BufferedImage(width, height, type);
    Graphics2D g = target.createGraphics();
    try {
      if (background != null) {
        g.setColor(background);
        g.fillRect(0, 0, width, height);
      } else {
        g.setComposite(AlphaComposite.Src);
      }
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(image, transform, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  /**
   * The picture as packed 8-bit RGB, or ARGB if it has alpha: the layouts every writer here takes
   * (webp-imageio refuses 16-bit, grey and indexed ones). The picture itself when it already is.
   */
  static BufferedImage packed(BufferedImage image) {
    int type = packedType(image);
    return image.getType() == type
        ? image
        : redraw(image, image.getWidth(), image.getHeight(), type, new AffineTransform(), null);
  }

  /** {@code TYPE_INT_ARGB} for a picture with alpha, else {@code TYPE_INT_RGB}. */
  static int packedType(BufferedImage image) {
    return image.getColorModel().hasAlpha()
        ? BufferedImage.TYPE_INT_ARGB
        : BufferedImage.TYPE_INT_RGB;
  }

  private static ImageWriter newWriter(ImageWriterSpi spi) {
    try {
      return spi.createWriterInstance(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(output);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * TwelveMonkeys' JPEG reader finds the JDK reader it delegates to when it is registered; its
   * public constructor leaves it without one. Registering both in a registry of our own does that
   * wiring without touching the global one.
   */
  private static ImageReaderSpi twelveMonkeysJpegReader() {
    ServiceRegistry own = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
    own.registerServiceProvider(
        jdkProvider(ImageReaderSpi.class, "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi"),
        ImageReaderSpi.class);
    JPEGImageReaderSpi reader = new JPEGImageReaderSpi();
    own.registerServiceProvider(reader, ImageReaderSpi.class);
    if (!own.contains(reader)) {
      throw new IllegalStateException("TwelveMonkeys' JPEG reader found no JDK reader to use");
    }
    return reader;
  }

  private static <T> T jdkProvider(Class<T> category, String className) {
    Iterator<T> providers = IIORegistry.getDefaultInstance().getServiceProviders(category, false);
    while (providers.hasNext()) {
      T provider = providers.next();
      if (provider.getClass().getName().equals(className)) {
        return provider;
      }
    }
    throw new IllegalStateException("This JDK has no " + className);
  }
}
