package com.lumiku.imaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model that does no work: a blank picture of the requested size, encoded once per size. For load
 * tests and benchmarks ({@code lumiku.generator=blank}), where what is measured is the platform
 * around the model (charging, queueing, workers, storage), not the drawing.
 */
@ApplicationScoped
@Typed(BlankImageGenerator.class)
public class BlankImageGenerator implements ImageGenerator {

  private final Map<Long, byte[]> pictures = new ConcurrentHashMap<>();

  @Override
  public byte[] generate(ImageRequest request) {
    return pictures.computeIfAbsent(
        ((long) request.width() << 32) | request.height(),
        size ->
            Png.encode(
                new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_RGB)));
  }
}
