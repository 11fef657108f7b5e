package com.lumiku.poses.entity;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A body pose as 18 keypoints in the COCO order OpenPose uses (nose, neck, right shoulder, elbow,
 * wrist, left shoulder, elbow, wrist, right hip, knee, ankle, left hip, knee, ankle, right eye,
 * left eye, right ear, left ear), each {@code [x, y]} in 0..1 of a square picture with y pointing
 * down, or absent (null) where the point is not visible.
 */
public record Keypoints(List<Point> points) {

  public static final int COUNT = 18;

  public static final int NOSE = 0;
  public static final int NECK = 1;
  public static final int RIGHT_SHOULDER = 2;
  public static final int LEFT_SHOULDER = 5;
  public static final int RIGHT_HIP = 8;
  public static final int LEFT_HIP = 11;
  public static final int RIGHT_EYE = 14;
  public static final int LEFT_EYE = 15;

  /**
   * The limbs OpenPose draws, as pairs of keypoints, in the order of its colour wheel: neck to
   * shoulders, arms, neck to hips, legs, neck to nose, and the face.
   */
  public static final List<int[]> LIMBS =
      List.of(
          new int[] {1, 2},
          new int[] {1, 5},
          new int[] {2, 3},
          new int[] {3, 4},
          new int[] {5, 6},
          new int[] {6, 7},
          new int[] {1, 8},
          new int[] {8, 9},
          new int[] {9, 10},
          new int[] {1, 11},
          new int[] {11, 12},
          new int[] {12, 13},
          new int[] {1, 0},
          new int[] {0, 14},
          new int[] {14, 16},
          new int[] {0, 15},
          new int[] {15, 17});

  /** A keypoint in 0..1 of the picture. */
  public record Point(double x, double y) {}

  public Keypoints {
    if (points.size() != COUNT) {
      throw new IllegalArgumentException(
          "A pose has " + COUNT + " keypoints, not " + points.size());
    }
    for (Point point : points) {
      if (point != null && (outside(point.x()) || outside(point.y()))) {
        throw new IllegalArgumentException("Keypoint outside the picture: " + point);
      }
    }
    points = Collections.unmodifiableList(new ArrayList<>(points));
  }

  /** The keypoint, or null where it is not visible. */
  public Point point(int index) {
    return points.get(index);
  }

  /**
   * Reads keypoints stored as JSON: an array of 18 {@code [x, y]} pairs or nulls.
   *
   * @throws IllegalArgumentException if it is not that
   */
  public static Keypoints parse(String json) {
    try {
      JsonArray array = JsonDocuments.parseArray(json);
      List<Point> points = new ArrayList<>();
      for (JsonValue value : array) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
          points.add(null);
        } else {
          JsonArray pair = value.asJsonArray();
          points.add(
              new Point(
                  ((JsonNumber) pair.get(0)).doubleValue(),
                  ((JsonNumber) pair.get(1)).doubleValue()));
        }
      }
      return new Keypoints(points);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a pose's keypoints: " + json, e);
    }
  }

  private static boolean outside(double coordinate) {
    return coordinate < -0.05 || coordinate > 1.05 || Double.isNaN(coordinate);
  }
}
