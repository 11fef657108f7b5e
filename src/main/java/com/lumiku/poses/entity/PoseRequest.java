package com.lumiku.poses.entity;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.database.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pose a user asked the library to add: a name, a description, optionally a category and a
 * reference picture. Its status ({@link PoseRequestStatus}), operators' notes, fulfilling pose and
 * vote count change only through conditional updates (see {@code PoseRequests}); this entity
 * creates the row and reads it.
 */
@Entity
@Table(name = "pose_requests")
public class PoseRequest {

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String description;

  @Column(name = "category_id")
  @Convert(converter = NullableUuid.class)
  private UUID categoryId;

  @Column(name = "reference_image")
  private String referenceImage;

  @Column(name = "reference_thumbnail")
  private String referenceThumbnail;

  @Column(nullable = false)
  private String status;

  @Column(name = "admin_notes")
  private String adminNotes;

  @Column(name = "fulfilled_pose_id")
  @Convert(converter = NullableUuid.class)
  private UUID fulfilledPoseId;

  @Column(name = "vote_count", nullable = false)
  private long voteCount;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected PoseRequest() {}

  /**
   * A new, pending request without votes.
   *
   * @param referenceImage the stored reference picture, or null
   * @param referenceThumbnail its stored thumbnail, or null
   */
  public PoseRequest(
      UUID userId,
      String name,
      String description,
      UUID categoryId,
      String referenceImage,
      String referenceThumbnail) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.name = name;
    this.description = description;
    this.categoryId = categoryId;
    this.referenceImage = referenceImage;
    this.referenceThumbnail = referenceThumbnail;
    this.status = PoseRequestStatus.PENDING.code();
    this.createdAt = UtcClock.now();
    this.updatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public UUID categoryId() {
    return categoryId;
  }

  public String referenceImage() {
    return referenceImage;
  }

  public String referenceThumbnail() {
    return referenceThumbnail;
  }

  public PoseRequestStatus status() {
    return PoseRequestStatus.ofCode(status);
  }

  public String adminNotes() {
    return adminNotes;
  }

  public UUID fulfilledPoseId() {
    return fulfilledPoseId;
  }

  public long voteCount() {
    return voteCount;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
