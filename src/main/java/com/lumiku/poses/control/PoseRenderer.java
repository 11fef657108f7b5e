package com.lumiku.poses.control;

import com.lumiku.imaging.Png;
import com.lumiku.poses.entity.Keypoints;
import com.lumiku.poses.entity.Keypoints.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws a pose from its keypoints: the skeleton as OpenPose draws it (coloured limbs on black, what
 * a ControlNet "openpose" model takes), a preview (a plain mannequin on a light background) and a
 * reference (the mannequin with its skeleton over it). Pure drawing: the same keypoints always give
 * the same picture.
 */
public final class PoseRenderer {

  /** OpenPose's limb colours, in the order of {@link Keypoints#LIMBS}. */
  private static final Color[] LIMB_COLORS = {
    new Color(255, 0, 0),
    new Color(255, 85, 0),
    new Color(255, 170, 0),
    new Color(255, 255, 0),
    new Color(170, 255, 0),
    new Color(85, 255, 0),
    new Color(0, 255, 0),
    new Color(0, 255, 85),
    new Color(0, 255, 170),
    new Color(0, 255, 255),
    new Color(0, 170, 255),
    new Color(0, 85, 255),
    new Color(0, 0, 255),
    new Color(85, 0, 255),
    new Color(170, 0, 255),
    new Color(255, 0, 255),
    new Color(255, 0, 170)
  };

  private static final Color SKIN = new Color(0xb8, 0xbe, 0xc8);
  private static final Color SKIN_EDGE = new Color(0x8a, 0x92, 0xa0);

  private PoseRenderer() {}

  /** What to draw. */
  public enum Kind {
    SKELETON,
    PREVIEW,
    REFERENCE
  }

  /** The pose as a PNG of {@code size} x {@code size} pixels. */
  public static byte[] png(Keypoints pose, Kind kind, int size) {
    return Png.encode(draw(pose, kind, size));
  }

  static BufferedImage draw(Keypoints pose, Kind kind, int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      if (kind == Kind.SKELETON) {
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, size, size);
        skeleton(g, pose, size, 1f);
      } else {
        g.setPaint(
            new GradientPaint(
                0, 0, new Color(0xf4, 0xf6, 0xfa), 0, size, new Color(0xdf, 0xe4, 0xee)));
        g.fillRect(0, 0, size, size);
        mannequin(g, pose, size);
        if (kind == Kind.REFERENCE) {
          skeleton(g, pose, size, 0.75f);
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void skeleton(Graphics2D g, Keypoints pose, int size, float opacity) {
    float width = Math.max(2f, size / 64f);
    g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < Keypoints.LIMBS.size(); i++) {
      Point from = pose.point(Keypoints.LIMBS.get(i)[0]);
      Point to = pose.point(Keypoints.LIMBS.get(i)[1]);
      if (from != null && to != null) {
        g.setColor(withOpacity(LIMB_COLORS[i], opacity));
        g.draw(new Line2D.Double(from.x() * size, from.y() * size, to.x() * size, to.y() * size));
      }
    }
    double r = width * 0.9;
    for (int i = 0; i < Keypoints.COUNT; i++) {
      Point point = pose.point(i);
      if (point != null) {
        g.setColor(withOpacity(LIMB_COLORS[Math.min(i, LIMB_COLORS.length - 1)], opacity));
        g.fill(new Ellipse2D.Double(point.x() * size - r, point.y() * size - r, 2 * r, 2 * r));
      }
    }
  }

  /** A faceless figure: a torso between shoulders and hips, capsule limbs, a round head. */
  private static void mannequin(Graphics2D g, Keypoints pose, int size) {
    float limb = size / 22f;
    Point rs = pose.point(Keypoints.RIGHT_SHOULDER);
    Point ls = pose.point(Keypoints.LEFT_SHOULDER);
    Point rh = pose.point(Keypoints.RIGHT_HIP);
    Point lh = pose.point(Keypoints.LEFT_HIP);
    if (rs != null && ls != null && rh != null && lh != null) {
      Path2D torso = new Path2D.Double();
      torso.moveTo(rs.x() * size, rs.y() * size);
      torso.lineTo(ls.x() * size, ls.y() * size);
      torso.lineTo(lh.x() * size, lh.y() * size);
      torso.lineTo(rh.x() * size, rh.y() * size);
      torso.closePath();
      g.setStroke(new BasicStroke(limb, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(SKIN);
      g.fill(torso);
      g.draw(torso);
    }
    for (int[] pair : Keypoints.LIMBS.subList(2, 12)) {
      if (pair[0] == Keypoints.NECK) {
        continue;
      }
      Point from = pose.point(pair[0]);
      Point to = pose.point(pair[1]);
      if (from != null && to != null) {
        Line2D bone =
            new Line2D.Double(from.x() * size, from.y() * size, to.x() * size, to.y() * size);
        g.setColor(SKIN_EDGE);
        g.setStroke(new BasicStroke(limb + 2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bone);
        g.setColor(SKIN);
        g.setStroke(new BasicStroke(limb, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bone);
      }
    }
    Point nose = pose.point(Keypoints.NOSE);
    Point neck = pose.point(Keypoints.NECK);
    if (nose != null && neck != null) {
      g.setStroke(new BasicStroke(limb * 0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(SKIN);
      g.draw(new Line2D.Double(neck.x() * size, neck.y() * size, nose.x() * size, nose.y() * size));
      double radius =
          Math.max(size / 18.0, Math.hypot(nose.x() - neck.x(), nose.y() - neck.y()) * size * 0.55);
      g.setColor(SKIN_EDGE);
      g.fill(
          new Ellipse2D.Double(
              nose.x() * size - radius - 1,
              nose.y() * size - radius - 1,
              2 * radius + 2,
              2 * radius + 2));
      g.setColor(SKIN);
      g.fill(
          new Ellipse2D.Double(
              nose.x() * size - radius, nose.y() * size - radius, 2 * radius, 2 * radius));
    }
  }

  private static Color withOpacity(Color color, float opacity) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.round(255 * opacity));
  }
}
