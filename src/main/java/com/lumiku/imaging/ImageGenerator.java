package com.lumiku.imaging;

/**
 * A model that draws a picture from a prompt, and, when the request carries a {@link PoseGuide}, a
 * given subject in a given pose as far as the model can follow one. The local generator works
 * offline; a remote model provider plugs in behind the same interface.
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

  /**
   * Draws the picture, as a job stores it (see {@link Drawing}).
   *
   * @throws com.lumiku.generations.control.TransientFailure or {@code PermanentFailure} as {@link
   *     #generate}
   */
  default Drawing draw(ImageRequest request) {
    return Drawing.of(generate(request));
  }

  /**
   * Whether this model answers within a few milliseconds, without waiting for anything: then the
   * jobs that use it may be bundled (see {@code GenerationJob.quick}).
   */
  default boolean quick() {
    return false;
  }
}
