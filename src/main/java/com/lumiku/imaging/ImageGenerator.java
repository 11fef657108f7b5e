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
   * @throws com.lumiku.generations.control.TransientFailure or {@code PermanentFailure} if the
   *     model failed; anything else counts as transient
   */
  byte[] generate(ImageRequest request);
}
