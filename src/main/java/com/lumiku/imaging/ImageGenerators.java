package com.lumiku.imaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Chooses the model: the Hugging Face Inference API when {@code HF_TOKEN} is set, otherwise the
 * local generator, which works offline.
 */
@ApplicationScoped
public class ImageGenerators {

  private static final Logger LOG = Logger.getLogger(ImageGenerators.class.getName());

  @Produces
  @ApplicationScoped
  ImageGenerator inUse(LocalImageGenerator local, HuggingFaceImageGenerator huggingFace) {
    ImageGenerator chosen = huggingFace.isConfigured() ? huggingFace : local;
    LOG.info(
        () ->
            "Images are drawn by "
                + (chosen == huggingFace
                    ? "the Hugging Face Inference API"
                    : "the local generator"));
    return chosen;
  }
}
