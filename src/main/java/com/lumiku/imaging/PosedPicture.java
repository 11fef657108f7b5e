package com.lumiku.imaging;

import com.lumiku.generations.control.PermanentFailure;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The local generator's answer to a pose-guided request: the backdrop the guide describes, the
 * subject drawn in the pose, and a light falling from one side. The local generator has the
 * keypoints themselves, so it reads neither the skeleton picture (that is for a ControlNet model)
 * nor the prompt's words; a control weight below 1 lets the figure stray from the keypoints a
 * little, as a ControlNet follows a weakly weighted pose only loosely.
 */
final class PosedPicture {

  /** How far (in parts of the square) a keypoint may stray at control weight 0. */
  private static final double SLACK = 0.04;

  private PosedPicture() {}

  /**
   * @param variation what differs between takes of the same request: the clothes' shade, the light,
   *     and how a loosely weighted pose strays
   * @throws PermanentFailure if the subject's picture cannot be read, which no retry cures
   */
  static BufferedImage draw(PoseGuide guide, SplittableRandom variation, int w, int h) {
    BufferedImage subject = subjectOf(guide);
    SplittableRandom strays = variation.split();
    SplittableRandom light = variation.split();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      Backdrop.paint(g, guide.background(), w, h);
      double side = Math.min(w, h);
      List<Point2D.Double> points = placed(guide, strays, w, h);
      new PosedFigure(subject, points, side, variation).paint(g);
      light(g, light, w, h);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * The keypoints in pixels: the unit square scaled to the shorter side of the picture and centred,
   * so a wide or tall picture keeps the pose's proportions.
   */
  private static List<Point2D.Double> placed(
      PoseGuide guide, SplittableRandom strays, int w, int h) {
    double side = Math.min(w, h);
    double left = (w - side) / 2;
    double top = (h - side) / 2;
    double slack = SLACK * Math.max(0, 1 - guide.controlWeight());
    List<Point2D.Double> placed = new ArrayList<>();
    for (Point2D.Double point : guide.keypoints()) {
      double dx = (strays.nextDouble() * 2 - 1) * slack;
      double dy = (strays.nextDouble() * 2 - 1) * slack;
      placed.add(
          point == null
              ? null
              : new Point2D.Double(left + (point.x + dx) * side, top + (point.y + dy) * side));
    }
    return placed;
  }

  /** A warm or cool light from a random side, the far side a little darker. */
  private static void light(Graphics2D g, SplittableRandom random, int w, int h) {
    double angle = random.nextDouble() * 2 * Math.PI;
    float reach = Math.max(w, h) / 2f;
    float cx = w / 2f;
    float cy = h / 2f;
    float dx = (float) Math.cos(angle) * reach;
    float dy = (float) Math.sin(angle) * reach;
    Color tint = random.nextBoolean() ? new Color(255, 196, 140) : new Color(150, 190, 255);
    int strength = 25 + random.nextInt(40);
    g.setPaint(
        new GradientPaint(
            cx - dx,
            cy - dy,
            new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), strength),
            cx + dx,
            cy + dy,
            new Color(0, 0, 0, strength)));
    g.fillRect(0, 0, w, h);
  }

  private static BufferedImage subjectOf(PoseGuide guide) {
    try {
      return Png.decode(guide.subject());
    } catch (IllegalArgumentException e) {
      throw new PermanentFailure(
          "subject-unreadable",
          "The picture of the subject could not be read; your credits were refunded.",
          "The pose guide's subject is not an image the generator can read: " + e.getMessage(),
          e);
    }
  }
}
