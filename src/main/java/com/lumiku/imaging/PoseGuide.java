package com.lumiku.imaging;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a pose-guided picture follows: whom to draw, in which body pose, how strictly, and where.
 * The Pose Generator builds it from an avatar and a pose of its library; the imaging package only
 * reads it, so it carries plain pictures and points rather than the apps' own types.
 *
 * <p>The arrays and points are copied on the way in and out, so a guide cannot change after it was
 * checked; {@link #equals} and {@link #hashCode} compare contents, and {@link #toString} gives the
 * sizes of the pictures rather than their bytes.
 *
 * @param subject a picture (PNG or JPEG) of the person or avatar to draw; its upper centre is taken
 *     to be the face
 * @param keypoints the 18 body keypoints in the order of {@link BodyPoint} (COCO, as OpenPose
 *     uses), each in 0..1 of a square picture with y pointing down, or null where the point is
 *     absent
 * @param skeleton the pose drawn as OpenPose draws it (PNG), the conditioning picture a ControlNet
 *     model takes; null where the caller has none
 * @param controlWeight how strictly the pose is to be followed, 0 (loosely) to {@value
 *     #MAX_CONTROL_WEIGHT}, as a ControlNet conditioning scale
 * @param background what to put behind the subject; null (or blank) for a plain studio backdrop
 */
public record PoseGuide(
    byte[] subject,
    List<Point2D.Double> keypoints,
    byte[] skeleton,
    double controlWeight,
    String background) {

  public static final double MAX_CONTROL_WEIGHT = 2.0;

  /** The body keypoints, in the order of {@link #keypoints()}. */
  public enum BodyPoint {
    NOSE,
    NECK,
    RIGHT_SHOULDER,
    RIGHT_ELBOW,
    RIGHT_WRIST,
    LEFT_SHOULDER,
    LEFT_ELBOW,
    LEFT_WRIST,
    RIGHT_HIP,
    RIGHT_KNEE,
    RIGHT_ANKLE,
    LEFT_HIP,
    LEFT_KNEE,
    LEFT_ANKLE,
    RIGHT_EYE,
    LEFT_EYE,
    RIGHT_EAR,
    LEFT_EAR
  }

  public PoseGuide {
    if (subject == null || subject.length == 0) {
      throw new IllegalArgumentException("A pose guide needs a picture of the subject");
    }
    if (skeleton != null && !Png.isPng(skeleton)) {
      throw new IllegalArgumentException("The skeleton must be a PNG");
    }
    if (!(controlWeight >= 0 && controlWeight <= MAX_CONTROL_WEIGHT)) {
      throw new IllegalArgumentException(
          "The control weight is 0 to " + MAX_CONTROL_WEIGHT + ", not " + controlWeight);
    }
    subject = subject.clone();
    keypoints = copyOf(checked(keypoints));
    skeleton = skeleton == null ? null : skeleton.clone();
    background = background == null || background.isBlank() ? null : background.strip();
  }

  @Override
  public byte[] subject() {
    return subject.clone();
  }

  @Override
  public List<Point2D.Double> keypoints() {
    return copyOf(keypoints);
  }

  @Override
  public byte[] skeleton() {
    return skeleton == null ? null : skeleton.clone();
  }

  /** The keypoint (a copy), or null where it is absent. */
  public Point2D.Double point(BodyPoint which) {
    Point2D.Double point = keypoints.get(which.ordinal());
    return point == null ? null : new Point2D.Double(point.x, point.y);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PoseGuide that
        && Arrays.equals(subject, that.subject)
        && keypoints.equals(that.keypoints)
        && Arrays.equals(skeleton, that.skeleton)
        && Double.compare(controlWeight, that.controlWeight) == 0
        && Objects.equals(background, that.background);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(subject), keypoints, Arrays.hashCode(skeleton), controlWeight, background);
  }

  @Override
  public String toString() {
    long present = keypoints.stream().filter(Objects::nonNull).count();
    return "PoseGuide[subject="
        + subject.length
        + " bytes, keypoints="
        + present
        + " of "
        + keypoints.size()
        + ", skeleton="
        + (skeleton == null ? "none" : skeleton.length + " bytes")
        + ", controlWeight="
        + controlWeight
        + ", background="
        + background
        + "]";
  }

  private static List<Point2D.Double> checked(List<Point2D.Double> keypoints) {
    int count = BodyPoint.values().length;
    if (keypoints == null || keypoints.size() != count) {
      throw new IllegalArgumentException(
          "A pose has "
              + count
              + " keypoints, not "
              + (keypoints == null ? "none" : keypoints.size()));
    }
    for (Point2D.Double point : keypoints) {
      if (point != null && !(Double.isFinite(point.x) && Double.isFinite(point.y))) {
        throw new IllegalArgumentException("A keypoint is not a point: " + point);
      }
    }
    return keypoints;
  }

  private static List<Point2D.Double> copyOf(List<Point2D.Double> keypoints) {
    List<Point2D.Double> copy = new ArrayList<>(keypoints.size());
    for (Point2D.Double point : keypoints) {
      copy.add(point == null ? null : new Point2D.Double(point.x, point.y));
    }
    return Collections.unmodifiableList(copy);
  }
}
