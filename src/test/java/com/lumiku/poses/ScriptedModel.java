package com.lumiku.poses;

import com.lumiku.generations.control.PermanentFailure;
import com.lumiku.imaging.ImageGenerator;
import com.lumiku.imaging.ImageRequest;
import com.lumiku.imaging.LocalImageGenerator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Test-only stand-in for a model provider that refuses some prompts (as a real one refuses content
 * it will not draw) and is slow on others: a prompt carrying {@link #MARKER} is refused for good;
 * one carrying {@link #SLOW} takes {@link #SLOW_TIME} first, so a test can keep workers busy; the
 * local generator draws everything. Deployed with {@code ApplicationIT}, where the local generator
 * is the one in use anyway.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ScriptedModel implements ImageGenerator {

  public static final String MARKER = "[refuse]";

  public static final String SLOW = "[slow]";

  public static final Duration SLOW_TIME = Duration.ofSeconds(4);

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
    if (request.prompt().contains(SLOW)) {
      try {
        Thread.sleep(SLOW_TIME.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return local.generate(request);
  }
}
