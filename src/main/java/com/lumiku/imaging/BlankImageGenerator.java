package com.lumiku.imaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model that does no work: a blank picture of the requested size, made, encoded and stored once
 * per size and shared by every job that draws one (no image work per job). For load tests and
 * benchmarks ({@code lumiku.generator=blank}), where what is measured is the platform around the
 * model (charging, queueing, workers, their rows), not the drawing; the real models keep their
 * image work (decoding, thumbnail, files per job).
 */
@ApplicationScoped
@Typed(BlankImageGenerator.class)
public class BlankImageGenerator implements ImageGenerator {

  private final Map<Long, Drawing> pictures = new ConcurrentHashMap<>();

  @Override
  public byte[] generate(ImageRequest request) {
    return draw(request).png();
  }

  /** The blank picture of the request's size, made once and stored once (see {@link Drawing}). */
  @Override
  public Drawing draw(ImageRequest request) {
    return pictures.computeIfAbsent(
        ((long) request.width() << 32) | request.height(),
        size ->
            Drawing.shared(
                "blank-" + request.width() + "x" + request.height(),
                new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_RGB)));
  }

  /** A blank picture is made once per size: every later one is at hand. */
  @Override
  public boolean quick() {
    return true;
  }
}
