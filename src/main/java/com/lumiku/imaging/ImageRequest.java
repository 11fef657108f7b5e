package com.lumiku.imaging;

import java.util.Objects;

/**
 * What a model is asked to draw: a prompt and the size of the picture in pixels, optionally a seed
 * and a pose guide.
 *
 * <p>The seed makes a picture repeatable where the model honours seeds: the same request with the
 * same seed gives the same picture, another seed a variation of it. Null lets the generator choose
 * (the local generator then derives one from the prompt, which keeps its pictures as they always
 * were). The guide, when present, asks for a given subject in a given body pose (see {@link
 * PoseGuide}); null is plain text-to-image.
 *
 * @param seed null: the generator chooses
 * @param guide null: no pose to follow
 */
public record ImageRequest(String prompt, int width, int height, Long seed, PoseGuide guide) {

  public ImageRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "A picture needs a positive size, not " + width + " x " + height);
    }
  }

  /** A plain text-to-image request: no seed, no pose. */
  public ImageRequest(String prompt, int width, int height) {
    this(prompt, width, height, null, null);
  }
}
