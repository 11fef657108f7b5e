package com.lumiku.imaging;

import com.lumiku.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The offline model: draws an avatar portrait (backdrop, bokeh, head, hair, eyes, shoulders) whose
 * colours and shapes follow from the prompt, so the same prompt always gives the same picture and
 * different prompts give visibly different ones; hair, eye and skin colours the prompt names are
 * drawn as named. Given a {@link PoseGuide} it draws the guide's subject in the guide's pose
 * instead ({@link PosedPicture}), just as repeatably. A seed in the request gives another take of
 * the same request. It takes a configurable time to stand in for a real model's latency ({@code
 * lumiku.generator.local.model-time}, default 400 ms; zero for benchmarks).
 */
@ApplicationScoped
@Typed(LocalImageGenerator.class)
public class LocalImageGenerator implements ImageGenerator {

  @Inject
  @ConfigProperty(name = "lumiku.generator.local.model-time")
  Duration modelTime;

  @Override
  public byte[] generate(ImageRequest request) {
    long started = System.nanoTime();
    BufferedImage image = picture(request);
    byte[] png = Png.encode(image);
    pauseUntil(started + modelTime.toNanos());
    return png;
  }

  /**
   * The portrait the local generator draws for the prompt, as a PNG of {@code size} x {@code size}
   * pixels, at once (no simulated model time): catalogue previews, such as Avatar Creator's
   * presets, show what ordering them from the local generator draws.
   */
  public static byte[] preview(String prompt, int size) {
    return Png.encode(picture(new ImageRequest(prompt, size, size)));
  }

  /**
   * The picture for the request: the subject in the pose when it has a guide, otherwise the
   * portrait the prompt describes.
   */
  static BufferedImage picture(ImageRequest request) {
    SplittableRandom random = new SplittableRandom(seedOf(request));
    return request.guide() == null
        ? portrait(random, request.prompt(), request.width(), request.height())
        : PosedPicture.draw(request.guide(), random, request.width(), request.height());
  }

  /**
   * A portrait whose colours and shapes follow from the random numbers, except for the hair, eye
   * and skin colours the prompt names ({@link PromptColours}); the numbers are drawn all the same,
   * so naming a colour changes nothing else of the picture.
   */
  private static BufferedImage portrait(SplittableRandom random, String prompt, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      float hue = random.nextInt(360) / 360f;
      Color top = Color.getHSBColor(hue, 0.55f, 0.95f);
      Color bottom = Color.getHSBColor((hue + 0.15f) % 1f, 0.75f, 0.45f);
      g.setPaint(new GradientPaint(0, 0, top, w, h, bottom));
      g.fillRect(0, 0, w, h);

      for (int i = 0; i < 14; i++) {
        float bokehHue = (hue + random.nextInt(-20, 21) / 360f + 1f) % 1f;
        g.setColor(withAlpha(Color.getHSBColor(bokehHue, 0.3f, 1f), 40 + random.nextInt(60)));
        double r = w * (0.03 + random.nextDouble() * 0.09);
        g.fill(
            new Ellipse2D.Double(
                random.nextDouble() * w - r, random.nextDouble() * h - r, 2 * r, 2 * r));
      }

      Color skin =
          Color.getHSBColor(
              0.05f + random.nextInt(6) / 100f,
              0.25f + random.nextInt(40) / 100f,
              0.45f + random.nextInt(50) / 100f);
      skin = PromptColours.skin(prompt).orElse(skin);
      Color cloth = Color.getHSBColor(random.nextInt(360) / 360f, 0.6f, 0.6f);
      Color hair =
          Color.getHSBColor(
              random.nextInt(360) / 360f,
              0.2f + random.nextInt(60) / 100f,
              0.15f + random.nextInt(60) / 100f);
      hair = PromptColours.hair(prompt).orElse(hair);

      double cx = w / 2.0;
      double headW = w * (0.30 + random.nextDouble() * 0.06);
      double headH = headW * (1.15 + random.nextDouble() * 0.15);
      double headY = h * 0.22;

      g.setColor(cloth);
      g.fill(
          new RoundRectangle2D.Double(
              cx - w * 0.36, h * 0.70, w * 0.72, h * 0.45, w * 0.3, w * 0.3));
      g.setColor(skin.darker());
      g.fill(
          new RoundRectangle2D.Double(
              cx - headW * 0.18, headY + headH * 0.8, headW * 0.36, h * 0.16, 20, 20));

      g.setColor(hair);
      g.fill(
          new Ellipse2D.Double(
              cx - headW * 0.58,
              headY - headH * 0.10,
              headW * 1.16,
              headH * (0.75 + random.nextDouble() * 0.35)));
      g.setColor(skin);
      g.fill(new Ellipse2D.Double(cx - headW / 2, headY, headW, headH));
      g.setColor(hair);
      g.fill(
          new Ellipse2D.Double(
              cx - headW * 0.52,
              headY - headH * 0.06,
              headW * 1.04,
              headH * (0.28 + random.nextDouble() * 0.12)));

      double eyeY = headY + headH * 0.48;
      double eyeDx = headW * 0.2;
      double eyeR = headW * 0.06;
      // (orElse takes its argument either way, so the random number is drawn either way)
      Color iris =
          PromptColours.eyes(prompt)
              .orElse(Color.getHSBColor(random.nextInt(360) / 360f, 0.7f, 0.5f));
      for (int side = -1; side <= 1; side += 2) {
        g.setColor(Color.WHITE);
        g.fill(
            new Ellipse2D.Double(
                cx + side * eyeDx - eyeR * 1.4, eyeY - eyeR, eyeR * 2.8, eyeR * 2));
        g.setColor(iris);
        g.fill(
            new Ellipse2D.Double(
                cx + side * eyeDx - eyeR * 0.8, eyeY - eyeR * 0.8, eyeR * 1.6, eyeR * 1.6));
      }
      g.setColor(skin.darker().darker());
      g.setStroke(
          new BasicStroke(
              (float) Math.max(2, w / 120.0), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      double mouthW = headW * (0.25 + random.nextDouble() * 0.15);
      int smile = random.nextInt(3);
      g.drawArc(
          (int) (cx - mouthW / 2),
          (int) (headY + headH * 0.62),
          (int) mouthW,
          (int) (headH * 0.15),
          200 + smile * 5,
          140 - smile * 10);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * What the drawing's random choices start from: the prompt's hash, mixed with the request's seed
   * when it has one. Without a seed this is the prompt's hash alone, so a prompt draws the picture
   * it always drew; with one, the same prompt gives a different take per seed.
   */
  static long seedOf(ImageRequest request) {
    long prompt = seedOf(request.prompt());
    return request.seed() == null ? prompt : prompt ^ (request.seed() * 0x9E3779B97F4A7C15L);
  }

  /** A hash of the text that ignores case and surrounding blanks. */
  static long seedOf(String prompt) {
    byte[] digest = Sha256.of(prompt.strip().toLowerCase(Locale.ROOT));
    long seed = 0;
    for (int i = 0; i < 8; i++) {
      seed = (seed << 8) | (digest[i] & 0xff);
    }
    return seed;
  }

  private static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  private static void pauseUntil(long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      return;
    }
    try {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while generating", e);
    }
  }
}
