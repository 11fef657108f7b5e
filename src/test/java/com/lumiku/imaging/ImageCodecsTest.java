package com.lumiku.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import org.junit.jupiter.api.Test;

class ImageCodecsTest {

  /**
   * As inside Payara, where Image I/O's registry was filled before the WAR's libraries were on any
   * class path: only the JDK's own plugins are registered. Everything must work all the same.
   */
  @Test
  void needsNoPluginRegisteredWithImageIo() throws Exception {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    List<ImageReaderSpi> readers = foreign(registry, ImageReaderSpi.class);
    List<ImageWriterSpi> writers = foreign(registry, ImageWriterSpi.class);
    assertThat(readers).as("the test class path registers plugins").isNotEmpty();
    readers.forEach(registry::deregisterServiceProvider);
    writers.forEach(registry::deregisterServiceProvider);
    try {
      BufferedImage picture = TestPictures.quadrants(96, 64, BufferedImage.TYPE_INT_RGB);
      ImageUploads uploads = new ImageUploads(ImageUploads.Limits.DEFAULTS);
      for (ImageFormat format : ImageFormat.values()) {
        AcceptedImage accepted = uploads.accept(format.encode(picture));
        assertThat(accepted.source()).isEqualTo(format);
        assertThat(accepted.width()).isEqualTo(96);
      }
      assertThat(uploads.accept(TestPictures.adobeCmykJpeg(80, 64)).width()).isEqualTo(80);
    } finally {
      readers.forEach(reader -> registry.registerServiceProvider(reader, ImageReaderSpi.class));
      writers.forEach(writer -> registry.registerServiceProvider(writer, ImageWriterSpi.class));
    }
  }

  /** The registered providers that are not the JDK's own. */
  private static <T> List<T> foreign(IIORegistry registry, Class<T> category) {
    List<T> found = new ArrayList<>();
    for (Iterator<T> all = registry.getServiceProviders(category, false); all.hasNext(); ) {
      T provider = all.next();
      if (!provider.getClass().getName().startsWith("com.sun.")) {
        found.add(provider);
      }
    }
    return found;
  }
}
