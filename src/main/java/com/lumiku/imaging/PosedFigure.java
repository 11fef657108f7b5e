package com.lumiku.imaging;

import static com.lumiku.imaging.PoseGuide.BodyPoint.LEFT_ANKLE;
import static com.lumiku.imaging.PoseGuide.BodyPoint.LEFT_ELBOW;
import static com.lumiku.imaging.PoseGuide.BodyPoint.LEFT_HIP;
import static com.lumiku.imaging.PoseGuide.BodyPoint.LEFT_KNEE;
import static com.lumiku.imaging.PoseGuide.BodyPoint.LEFT_SHOULDER;
import static com.lumiku.imaging.PoseGuide.BodyPoint.LEFT_WRIST;
import static com.lumiku.imaging.PoseGuide.BodyPoint.NECK;
import static com.lumiku.imaging.PoseGuide.BodyPoint.NOSE;
import static com.lumiku.imaging.PoseGuide.BodyPoint.RIGHT_ANKLE;
import static com.lumiku.imaging.PoseGuide.BodyPoint.RIGHT_ELBOW;
import static com.lumiku.imaging.PoseGuide.BodyPoint.RIGHT_HIP;
import static com.lumiku.imaging.PoseGuide.BodyPoint.RIGHT_KNEE;
import static com.lumiku.imaging.PoseGuide.BodyPoint.RIGHT_SHOULDER;
import static com.lumiku.imaging.PoseGuide.BodyPoint.RIGHT_WRIST;

import com.lumiku.imaging.PoseGuide.BodyPoint;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The subject drawn along the keypoints: clothes in the colour of the lower third of the subject's
 * picture (the clothes of a portrait), skin in the colour of its face, and as the head the face
 * itself, a round crop of the picture's upper centre turned the way the neck points. A limb whose
 * keypoints are absent is left out, as a pose estimator leaves it out.
 */
final class PosedFigure {

  private static final BodyPoint[][] SLEEVES = {
    {RIGHT_SHOULDER, RIGHT_ELBOW}, {LEFT_SHOULDER, LEFT_ELBOW}
  };
  private static final BodyPoint[][] FOREARMS = {
    {RIGHT_ELBOW, RIGHT_WRIST}, {LEFT_ELBOW, LEFT_WRIST}
  };
  private static final BodyPoint[][] LEGS = {
    {RIGHT_HIP, RIGHT_KNEE},
    {RIGHT_KNEE, RIGHT_ANKLE},
    {LEFT_HIP, LEFT_KNEE},
    {LEFT_KNEE, LEFT_ANKLE}
  };
  private static final BodyPoint[] TORSO = {RIGHT_SHOULDER, LEFT_SHOULDER, LEFT_HIP, RIGHT_HIP};

  // Where the face is in a portrait, with some hair around it: the centre and side of a square,
  // in parts of the picture's size.
  private static final double FACE_X = 0.5;
  private static final double FACE_Y = 0.40;
  private static final double FACE_SIDE = 0.5;

  private final BufferedImage subject;
  private final Color cloth;
  private final Color skin;
  private final List<Point2D.Double> points;
  private final double side;

  /**
   * @param points the keypoints in pixels, null where absent
   * @param side the side of the square the pose stands in, in pixels: limbs are as thick as a body
   *     of that height
   * @param variation shifts the clothes' hue and brightness a little, as another take would
   */
  PosedFigure(
      BufferedImage subject, List<Point2D.Double> points, double side, SplittableRandom variation) {
    this.subject = subject;
    this.points = points;
    this.side = side;
    int sw = subject.getWidth();
    int sh = subject.getHeight();
    this.cloth = varied(averageColour(subject, 0, sh * 2 / 3, sw, sh), variation);
    // The skin: a patch of the cheeks and nose, below the eyes and above the mouth of a portrait.
    int patch = Math.max(1, Math.min(sw, sh) / 10);
    this.skin =
        averageColour(
            subject, sw / 2 - patch, sh * 47 / 100 - patch, sw / 2 + patch, sh * 47 / 100 + patch);
  }

  void paint(Graphics2D g) {
    shadow(g);
    Color trousers = cloth.darker();
    limbs(g, LEGS, side * 0.055, trousers);
    feet(g, trousers.darker());
    torso(g);
    limbs(g, SLEEVES, side * 0.045, cloth);
    limbs(g, FOREARMS, side * 0.034, skin);
    hands(g);
    head(g);
  }

  /** The shoulders and hips that are present, joined; a band where only two are. */
  private void torso(Graphics2D g) {
    Path2D.Double outline = new Path2D.Double();
    int corners = 0;
    for (BodyPoint corner : TORSO) {
      Point2D.Double p = at(corner);
      if (p != null) {
        if (corners++ == 0) {
          outline.moveTo(p.x, p.y);
        } else {
          outline.lineTo(p.x, p.y);
        }
      }
    }
    if (corners < 2) {
      return;
    }
    outline.closePath();
    float width = (float) (side * 0.07);
    g.setColor(edgeOf(cloth));
    g.setStroke(round(width + outlineWidth() * 2));
    g.draw(outline);
    g.setColor(cloth);
    g.setStroke(round(width));
    g.draw(outline);
    g.fill(outline);
  }

  /**
   * Limbs as capsules with an outline, all outlines first, so that an elbow or knee where two
   * capsules meet shows as one bend rather than two ends.
   */
  private void limbs(Graphics2D g, BodyPoint[][] group, double width, Color colour) {
    g.setColor(edgeOf(colour));
    g.setStroke(round((float) (width + outlineWidth() * 2)));
    bones(g, group);
    g.setColor(colour);
    g.setStroke(round((float) width));
    bones(g, group);
  }

  private void bones(Graphics2D g, BodyPoint[][] group) {
    for (BodyPoint[] limb : group) {
      Point2D.Double from = at(limb[0]);
      Point2D.Double to = at(limb[1]);
      if (from != null && to != null) {
        g.draw(new Line2D.Double(from, to));
      }
    }
  }

  private void hands(Graphics2D g) {
    for (BodyPoint wrist : new BodyPoint[] {RIGHT_WRIST, LEFT_WRIST}) {
      disc(g, at(wrist), side * 0.024, skin);
    }
  }

  private void feet(Graphics2D g, Color shoes) {
    for (BodyPoint ankle : new BodyPoint[] {RIGHT_ANKLE, LEFT_ANKLE}) {
      disc(g, at(ankle), side * 0.03, shoes);
    }
  }

  /** A soft shadow on the floor under the lower ankle, so the figure stands rather than floats. */
  private void shadow(Graphics2D g) {
    Point2D.Double right = at(RIGHT_ANKLE);
    Point2D.Double left = at(LEFT_ANKLE);
    if (right == null && left == null) {
      return;
    }
    Point2D.Double foot = right == null || (left != null && left.y > right.y) ? left : right;
    double x = right != null && left != null ? (right.x + left.x) / 2 : foot.x;
    double rx = side * 0.14;
    double ry = side * 0.025;
    g.setColor(new Color(0, 0, 0, 60));
    g.fill(new Ellipse2D.Double(x - rx, foot.y + side * 0.01 - ry, 2 * rx, 2 * ry));
  }

  private void disc(Graphics2D g, Point2D.Double centre, double r, Color colour) {
    if (centre == null) {
      return;
    }
    double edge = r + outlineWidth();
    g.setColor(edgeOf(colour));
    g.fill(new Ellipse2D.Double(centre.x - edge, centre.y - edge, 2 * edge, 2 * edge));
    g.setColor(colour);
    g.fill(new Ellipse2D.Double(centre.x - r, centre.y - r, 2 * r, 2 * r));
  }

  /**
   * The face at the nose, as large as the neck is long (a head is about twice the neck-to-nose
   * distance across) and turned the way the neck points; without a neck, upright and of a usual
   * size.
   */
  private void head(Graphics2D g) {
    Point2D.Double nose = at(NOSE);
    if (nose == null) {
      return;
    }
    Point2D.Double neck = at(NECK);
    double radius = side / 16;
    double turn = 0;
    if (neck != null) {
      Line2D.Double throat = new Line2D.Double(neck, midpoint(neck, nose));
      g.setColor(skin);
      g.setStroke(round((float) (side * 0.04)));
      g.draw(throat);
      radius = Math.max(side / 28, nose.distance(neck) * 0.9);
      turn = Math.atan2(nose.x - neck.x, neck.y - nose.y);
    }
    int diameter = (int) Math.ceil(2 * radius);
    disc(g, nose, radius, edgeOf(skin));
    AffineTransform place = AffineTransform.getRotateInstance(turn, nose.x, nose.y);
    place.translate(nose.x - diameter / 2.0, nose.y - diameter / 2.0);
    g.drawImage(face(diameter), place, null);
  }

  /** The upper centre of the subject's picture, cut round with a smooth edge. */
  private BufferedImage face(int diameter) {
    BufferedImage face = new BufferedImage(diameter, diameter, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = face.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.fill(new Ellipse2D.Double(0, 0, diameter, diameter));
      g.setComposite(AlphaComposite.SrcIn);
      int crop = (int) Math.round(Math.min(subject.getWidth(), subject.getHeight()) * FACE_SIDE);
      int left = (int) Math.round(subject.getWidth() * FACE_X) - crop / 2;
      int top = (int) Math.round(subject.getHeight() * FACE_Y) - crop / 2;
      g.drawImage(subject, 0, 0, diameter, diameter, left, top, left + crop, top + crop, null);
    } finally {
      g.dispose();
    }
    return face;
  }

  private Point2D.Double at(BodyPoint which) {
    return points.get(which.ordinal());
  }

  private float outlineWidth() {
    return (float) Math.max(1, side / 256);
  }

  /**
   * The mean colour of a rectangle of the picture, clipped to it. Every few pixels are enough for a
   * mean, and keep a large picture cheap.
   */
  static Color averageColour(BufferedImage picture, int x0, int y0, int x1, int y1) {
    int left = Math.max(0, x0);
    int top = Math.max(0, y0);
    int right = Math.min(picture.getWidth(), Math.max(x1, left + 1));
    int bottom = Math.min(picture.getHeight(), Math.max(y1, top + 1));
    int step = Math.max(1, Math.max(right - left, bottom - top) / 64);
    long r = 0;
    long gr = 0;
    long b = 0;
    long n = 0;
    for (int y = top; y < bottom; y += step) {
      for (int x = left; x < right; x += step) {
        int rgb = picture.getRGB(x, y);
        r += (rgb >> 16) & 0xff;
        gr += (rgb >> 8) & 0xff;
        b += rgb & 0xff;
        n++;
      }
    }
    return n == 0 ? Color.GRAY : new Color((int) (r / n), (int) (gr / n), (int) (b / n));
  }

  private static Color varied(Color colour, SplittableRandom variation) {
    float[] hsb = Color.RGBtoHSB(colour.getRed(), colour.getGreen(), colour.getBlue(), null);
    float hue = (hsb[0] + variation.nextInt(-18, 19) / 360f + 1f) % 1f;
    float brightness = clamp(hsb[2] + variation.nextInt(-12, 13) / 100f);
    return Color.getHSBColor(hue, hsb[1], brightness);
  }

  private static Color edgeOf(Color colour) {
    return new Color(
        colour.getRed() * 6 / 10, colour.getGreen() * 6 / 10, colour.getBlue() * 6 / 10);
  }

  private static Point2D.Double midpoint(Point2D.Double a, Point2D.Double b) {
    return new Point2D.Double((a.x + b.x) / 2, (a.y + b.y) / 2);
  }

  private static BasicStroke round(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  private static float clamp(float value) {
    return Math.max(0f, Math.min(1f, value));
  }
}
