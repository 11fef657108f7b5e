package com.lumiku.poses.control;

import com.lumiku.platform.JsonDocuments;
import java.util.List;
import java.util.UUID;

/**
 * What a batch draws, as stored in its generation's parameters (JSON): fixed when it is ordered, so
 * a project that changes its subject afterwards does not change a batch under way.
 *
 * @param projectId the project the poses go into
 * @param subjectImage the stored picture of the subject to pose
 * @param subjectName what to call the subject in a model's prompt
 * @param persona how the subject looks, in words (null for an upload)
 * @param textPrompt the described pose, for a batch ordered by description (else null)
 * @param backgroundPrompt the background to draw, if the background change was ordered
 * @param exportFormats the formats the batch's ZIP holds each pose in
 */
public record PoseOrder(
    UUID projectId,
    String subjectImage,
    String subjectName,
    String persona,
    String textPrompt,
    String backgroundPrompt,
    List<String> exportFormats) {

  public String toJson() {
    return JsonDocuments.toJson(this);
  }

  public static PoseOrder fromJson(String json) {
    return JsonDocuments.fromJson(json, PoseOrder.class);
  }

  /**
   * One pose of a batch, as stored in its job's parameters.
   *
   * @param index its place in the batch, from 0
   * @param poseId the library pose to draw (for a described pose: the one chosen for it)
   * @param seed the model's seed for it
   */
  public record Part(int index, UUID poseId, long seed) {

    public String toJson() {
      return JsonDocuments.toJson(this);
    }

    public static Part fromJson(String json) {
      return JsonDocuments.fromJson(json, Part.class);
    }
  }
}
