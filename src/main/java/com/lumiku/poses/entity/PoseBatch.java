package com.lumiku.poses.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A batch ordered for a project: Pose Generator's side of a generation (whose charge, jobs and
 * status the engine keeps), with what listing and exporting it needs.
 */
@Entity
@Table(name = "pose_generations")
public class PoseBatch {

  @Id
  @Column(name = "generation_id")
  private UUID generationId;

  @Column(name = "project_id", nullable = false)
  private UUID projectId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "text_prompt")
  private String textPrompt;

  @Column(name = "background_prompt")
  private String backgroundPrompt;

  @Column(name = "export_formats", nullable = false)
  private String exportFormats;

  @Column(name = "total_expected_poses", nullable = false)
  private int totalExpectedPoses;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected PoseBatch() {}

  public PoseBatch(
      UUID generationId,
      UUID projectId,
      UUID userId,
      String textPrompt,
      String backgroundPrompt,
      List<String> exportFormats,
      int totalExpectedPoses) {
    this.generationId = generationId;
    this.projectId = projectId;
    this.userId = userId;
    this.textPrompt = textPrompt;
    this.backgroundPrompt = backgroundPrompt;
    this.exportFormats = String.join(",", exportFormats);
    this.totalExpectedPoses = totalExpectedPoses;
    this.createdAt = UtcClock.now();
  }

  public UUID generationId() {
    return generationId;
  }

  public UUID projectId() {
    return projectId;
  }

  public UUID userId() {
    return userId;
  }

  public String textPrompt() {
    return textPrompt;
  }

  public String backgroundPrompt() {
    return backgroundPrompt;
  }

  /** The format codes its ZIP holds each pose in. */
  public List<String> exportFormats() {
    return Arrays.asList(exportFormats.split(","));
  }

  public int totalExpectedPoses() {
    return totalExpectedPoses;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
