package com.lumiku.poses.control;

import java.util.Locale;

/**
 * The words a model gets for one pose: who (the subject's name and persona), what pose (the
 * library's name and description, or the user's description), where (the background, or a plain
 * studio). A text-to-image model gets the pose only this way; the local generator also gets the
 * keypoints.
 */
final class PosePrompt {

  /** The longest prompt stored with a pose (the column's size). */
  static final int MAX_LENGTH = 2000;

  private PosePrompt() {}

  static String of(PoseOrder order, PoseLibrary.Pose pose) {
    StringBuilder prompt = new StringBuilder(order.subjectName());
    if (order.persona() != null && !order.persona().isBlank()) {
      prompt.append(" (").append(order.persona().strip()).append(')');
    }
    if (order.textPrompt() != null) {
      prompt.append(", ").append(order.textPrompt()).append(", like the ").append(named(pose));
    } else {
      prompt.append(", ").append(named(pose));
      if (pose.description() != null) {
        prompt.append(": ").append(pose.description());
      }
    }
    prompt.append(", full body, ");
    prompt.append(
        order.backgroundPrompt() == null
            ? "plain studio background"
            : "background: " + order.backgroundPrompt());
    prompt.append(", photorealistic");
    return prompt.length() <= MAX_LENGTH ? prompt.toString() : prompt.substring(0, MAX_LENGTH);
  }

  /** "Warrior II pose", "Tree pose" (not "Tree pose pose"). */
  private static String named(PoseLibrary.Pose pose) {
    return pose.name().toLowerCase(Locale.ROOT).endsWith("pose")
        ? pose.name()
        : pose.name() + " pose";
  }
}
