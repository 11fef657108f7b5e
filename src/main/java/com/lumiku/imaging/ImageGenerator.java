package com.lumiku.imaging;

/**
 * A model that draws a picture from a prompt. The local generator works offline; a remote model
 * provider plugs in behind the same interface.
 */
public interface ImageGenerator {

  /**
   * Draws the picture.
   *
   * @return the picture as PNG bytes
   * @throws RuntimeException if the model failed; the attempt is then retried later
   */
  byte[] generate(ImageRequest request);
}
