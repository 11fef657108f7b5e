package com.lumiku.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Poses, subjects and pixel counts shared by the tests of pose-guided drawing. */
final class GuideFixtures {

  /** Standing, arms down, head near the top third, both ears hidden. */
  static final double[][] STANDING = {
    {0.5, 0.20}, {0.5, 0.30}, {0.41, 0.31}, {0.39, 0.45}, {0.37, 0.58}, {0.59, 0.31},
    {0.61, 0.45}, {0.63, 0.58}, {0.45, 0.60}, {0.44, 0.76}, {0.43, 0.93}, {0.55, 0.60},
    {0.56, 0.76}, {0.57, 0.93}, {0.49, 0.19}, {0.51, 0.19}, null, null
  };

  /** The same, both arms raised above the head. */
  static final double[][] ARMS_UP = {
    {0.5, 0.20}, {0.5, 0.30}, {0.41, 0.31}, {0.37, 0.18}, {0.35, 0.05}, {0.59, 0.31},
    {0.63, 0.18}, {0.65, 0.05}, {0.45, 0.60}, {0.44, 0.76}, {0.43, 0.93}, {0.55, 0.60},
    {0.56, 0.76}, {0.57, 0.93}, {0.49, 0.19}, {0.51, 0.19}, null, null
  };

  private GuideFixtures() {}

  static List<Point2D.Double> points(double[][] pose) {
    List<Point2D.Double> points = new ArrayList<>();
    for (double[] xy : pose) {
      points.add(xy == null ? null : new Point2D.Double(xy[0], xy[1]));
    }
    return points;
  }

  /**
   * A portrait-shaped picture: plain grey, the face area (its upper centre) in one colour and the
   * lower third, the clothes, in another.
   */
  static byte[] subject(Color face, Color clothes) {
    BufferedImage picture = new BufferedImage(200, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    try {
      g.setColor(Color.GRAY);
      g.fillRect(0, 0, 200, 240);
      g.setColor(face);
      g.fillRect(40, 30, 120, 130);
      g.setColor(clothes);
      g.fillRect(0, 160, 200, 80);
    } finally {
      g.dispose();
    }
    return Png.encode(picture);
  }

  static PoseGuide guide(double[][] pose, String background) {
    return new PoseGuide(
        subject(Color.MAGENTA, new Color(0x20, 0xa0, 0x40)), points(pose), null, 1.0, background);
  }

  static ImageRequest request(PoseGuide guide, Long seed, int width, int height) {
    return new ImageRequest("a person in a pose", width, height, seed, guide);
  }

  /** The share of pixels that differ between two pictures of the same size. */
  static double differing(BufferedImage a, BufferedImage b) {
    int[] first = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
    int[] second = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
    long differing = 0;
    for (int i = 0; i < first.length; i++) {
      if (first[i] != second[i]) {
        differing++;
      }
    }
    return (double) differing / first.length;
  }
}
