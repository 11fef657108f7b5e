package com.lumiku.poses;

import com.lumiku.generations.control.PermanentFailure;
import com.lumiku.imaging.ImageGenerator;
import com.lumiku.imaging.ImageRequest;
import com.lumiku.imaging.LocalImageGenerator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Test-only stand-in for a model provider that refuses some prompts (as a real one refuses content
 * it will not draw): a prompt carrying {@link #MARKER} is refused for good; everything else is
 * drawn by the local generator. Deployed with {@code ApplicationIT}, where the local generator is
 * the one in use anyway.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RefusingModel implements ImageGenerator {

  public static final String MARKER = "[refuse]";

  @Inject LocalImageGenerator local;

  @Override
  public byte[] generate(ImageRequest request) {
    if (request.prompt().contains(MARKER)) {
      throw new PermanentFailure(
          "refused",
          "The image model refused this prompt; your credits were refunded.",
          "Test model refused a prompt carrying " + MARKER,
          null);
    }
    return local.generate(request);
  }
}
