package com.lumiku.poses.entity;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.database.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pose a job of a batch drew: its picture, and how it was drawn (library pose, prompt, seed,
 * ControlNet weight), so it can be drawn again. One per job (the database's unique key), however
 * often the job's message is delivered.
 */
@Entity
@Table(name = "generated_poses")
public class GeneratedPose {

  @Id private UUID id;

  @Column(name = "job_id", nullable = false)
  private UUID jobId;

  @Column(name = "generation_id", nullable = false)
  private UUID generationId;

  @Column(name = "project_id", nullable = false)
  private UUID projectId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "pose_id")
  @Convert(converter = NullableUuid.class)
  private UUID poseId;

  @Column(nullable = false)
  private String prompt;

  @Column(name = "background_prompt")
  private String backgroundPrompt;

  @Column(name = "image_path", nullable = false)
  private String imagePath;

  @Column(name = "thumbnail_path", nullable = false)
  private String thumbnailPath;

  @Column(nullable = false)
  private int width;

  @Column(nullable = false)
  private int height;

  @Column(nullable = false)
  private long seed;

  @Column(name = "controlnet_weight", nullable = false)
  private BigDecimal controlnetWeight;

  @Column(nullable = false)
  private boolean favorite;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected GeneratedPose() {}

  /** Where a pose came from: its job, batch, project and owner. */
  public record Origin(UUID jobId, UUID generationId, UUID projectId, UUID userId) {}

  /** How a pose was drawn: the library pose (if any), the model's prompt, seed and weight. */
  public record Drawing(
      UUID poseId,
      String prompt,
      String backgroundPrompt,
      long seed,
      BigDecimal controlnetWeight) {}

  /** The stored picture and its size. */
  public record Picture(String image, String thumbnail, int width, int height) {}

  public GeneratedPose(Origin origin, Drawing drawing, Picture picture) {
    this.id = UUID.randomUUID();
    this.jobId = origin.jobId();
    this.generationId = origin.generationId();
    this.projectId = origin.projectId();
    this.userId = origin.userId();
    this.poseId = drawing.poseId();
    this.prompt = drawing.prompt();
    this.backgroundPrompt = drawing.backgroundPrompt();
    this.seed = drawing.seed();
    this.controlnetWeight = drawing.controlnetWeight();
    this.imagePath = picture.image();
    this.thumbnailPath = picture.thumbnail();
    this.width = picture.width();
    this.height = picture.height();
    this.createdAt = UtcClock.now();
  }

  public UUID id() {
    return id;
  }

  public UUID jobId() {
    return jobId;
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

  public UUID poseId() {
    return poseId;
  }

  public String prompt() {
    return prompt;
  }

  public String backgroundPrompt() {
    return backgroundPrompt;
  }

  public String imagePath() {
    return imagePath;
  }

  public String thumbnailPath() {
    return thumbnailPath;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public long seed() {
    return seed;
  }

  public BigDecimal controlnetWeight() {
    return controlnetWeight;
  }

  public boolean favorite() {
    return favorite;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
