package com.lumiku.imaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the model ({@code lumiku.generator}): {@code auto} (the default) is the Hugging Face
 * Inference API when {@code HF_TOKEN} is set, otherwise the local generator, which works offline;
 * {@code local} and {@code huggingface} choose one; {@code blank} does no work (benchmarks). The
 * choice is checked and logged at deployment, so a wrong value stops the start, not the workers.
 */
@ApplicationScoped
public class ImageGenerators {

  private static final Logger LOG = Logger.getLogger(ImageGenerators.class.getName());

  @Inject
  @ConfigProperty(name = "lumiku.generator")
  String choice;

  @Inject LocalImageGenerator local;
  @Inject HuggingFaceImageGenerator huggingFace;
  @Inject BlankImageGenerator blank;

  void announce(@Observes Startup startup) {
    ImageGenerator chosen = inUse();
    String by =
        chosen == huggingFace
            ? "the Hugging Face Inference API"
            : chosen == blank
                ? "nobody: blank pictures (lumiku.generator=blank)"
                : "the local generator";
    LOG.log(Level.INFO, "Images are drawn by {0}", by);
  }

  @Produces
  @ApplicationScoped
  ImageGenerator inUse() {
    return switch (choice.strip()) {
      case "auto" -> huggingFace.isConfigured() ? huggingFace : local;
      case "local" -> local;
      case "huggingface" -> {
        if (!huggingFace.isConfigured()) {
          throw new IllegalStateException("lumiku.generator=huggingface needs HF_TOKEN");
        }
        yield huggingFace;
      }
      case "blank" -> blank;
      default ->
          throw new IllegalStateException(
              "lumiku.generator must be auto, local, huggingface or blank, not " + choice);
    };
  }
}
