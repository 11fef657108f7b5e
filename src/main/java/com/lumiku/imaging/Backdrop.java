package com.lumiku.imaging;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.SplittableRandom;

/**
 * What the local generator puts behind a posed subject. Without a description, a plain studio
 * backdrop (a light seamless gradient with a soft glow behind the subject), as a photographer would
 * use when only the pose matters. With one, a scene whose colours and shapes follow from the
 * description's hash (sky, sun, distant hills, horizon, ground, bokeh lights): it cannot read the
 * words, but the same description always gives the same scene and another description another.
 */
final class Backdrop {

  private static final Color STUDIO_TOP = new Color(0xec, 0xe9, 0xe4);
  private static final Color STUDIO_BOTTOM = new Color(0xc6, 0xc1, 0xba);

  private Backdrop() {}

  static void paint(Graphics2D g, String description, int w, int h) {
    if (description == null) {
      studio(g, w, h);
    } else {
      scene(g, new SplittableRandom(LocalImageGenerator.seedOf(description)), w, h);
    }
  }

  private static void studio(Graphics2D g, int w, int h) {
    g.setPaint(new GradientPaint(0, 0, STUDIO_TOP, 0, h, STUDIO_BOTTOM));
    g.fillRect(0, 0, w, h);
    glow(g, new Point2D.Double(w / 2.0, h * 0.45), Math.max(w, h) * 0.6f, new Color(255, 255, 255));
  }

  private static void scene(Graphics2D g, SplittableRandom random, int w, int h) {
    float skyHue = random.nextInt(360) / 360f;
    float groundHue = random.nextInt(360) / 360f;
    double horizon = h * (0.55 + random.nextDouble() * 0.2);
    g.setPaint(
        new GradientPaint(
            0,
            0,
            Color.getHSBColor(skyHue, 0.5f, 0.55f + random.nextInt(40) / 100f),
            0,
            (float) horizon,
            Color.getHSBColor((skyHue + 0.08f) % 1f, 0.25f, 1f)));
    g.fillRect(0, 0, w, h);
    sun(g, random, w, horizon);
    for (int layer = random.nextInt(3); layer > 0; layer--) {
      hills(g, random, w, horizon, Color.getHSBColor(groundHue, 0.3f, 0.35f + layer * 0.2f));
    }
    g.setPaint(
        new GradientPaint(
            0,
            (float) horizon,
            Color.getHSBColor(groundHue, 0.45f, 0.6f),
            0,
            h,
            Color.getHSBColor(groundHue, 0.55f, 0.3f)));
    g.fill(new Rectangle(0, (int) horizon, w, h - (int) horizon + 1));
    bokeh(g, random, w, horizon, skyHue);
  }

  private static void sun(Graphics2D g, SplittableRandom random, int w, double horizon) {
    Point2D.Double centre =
        new Point2D.Double(random.nextDouble() * w, horizon * (0.15 + random.nextDouble() * 0.6));
    double r = w * (0.04 + random.nextDouble() * 0.06);
    Color light = Color.getHSBColor((0.08f + random.nextInt(10) / 100f) % 1f, 0.35f, 1f);
    glow(g, centre, (float) (r * 4), light);
    g.setColor(light);
    g.fill(new Ellipse2D.Double(centre.x - r, centre.y - r, 2 * r, 2 * r));
  }

  /** A ridge of hills standing on the horizon, its peaks at random heights. */
  private static void hills(
      Graphics2D g, SplittableRandom random, int w, double horizon, Color colour) {
    Path2D.Double ridge = new Path2D.Double();
    ridge.moveTo(0, horizon);
    int peaks = 3 + random.nextInt(4);
    for (int i = 0; i <= peaks; i++) {
      ridge.lineTo(w * i / (double) peaks, horizon - horizon * random.nextDouble() * 0.25);
    }
    ridge.lineTo(w, horizon + 1);
    ridge.lineTo(0, horizon + 1);
    ridge.closePath();
    g.setColor(colour);
    g.fill(ridge);
  }

  /** Out-of-focus lights in the sky, as a long lens shows them behind a subject. */
  private static void bokeh(
      Graphics2D g, SplittableRandom random, int w, double horizon, float hue) {
    for (int i = random.nextInt(12); i > 0; i--) {
      float bokehHue = (hue + random.nextInt(-30, 31) / 360f + 1f) % 1f;
      Color colour = Color.getHSBColor(bokehHue, 0.25f, 1f);
      g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 50));
      double r = w * (0.02 + random.nextDouble() * 0.05);
      g.fill(
          new Ellipse2D.Double(
              random.nextDouble() * w - r, random.nextDouble() * horizon - r, 2 * r, 2 * r));
    }
  }

  private static void glow(Graphics2D g, Point2D.Double centre, float radius, Color colour) {
    Color clear = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0);
    Color bright = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 140);
    g.setPaint(
        new RadialGradientPaint(
            centre,
            radius,
            new float[] {0f, 1f},
            new Color[] {bright, clear},
            MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Double(centre.x - radius, centre.y - radius, 2.0 * radius, 2.0 * radius));
  }
}
