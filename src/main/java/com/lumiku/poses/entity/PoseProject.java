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
 * A user's Pose Generator project: a name, and the subject its batches pose, a copy of one of the
 * user's avatars or an uploaded picture. A project without a subject cannot order a batch yet.
 */
@Entity
@Table(name = "pose_projects")
public class PoseProject {

  /** The subject is a copy of one of the user's avatars. */
  public static final String FROM_AVATAR = "avatar";

  /** The subject is a picture the user uploaded. */
  public static final String FROM_UPLOAD = "upload";

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String name;

  private String description;

  @Column(name = "subject_source")
  private String subjectSource;

  @Column(name = "avatar_id")
  @Convert(converter = NullableUuid.class)
  private UUID avatarId;

  @Column(name = "subject_name")
  private String subjectName;

  @Column(name = "subject_persona")
  private String subjectPersona;

  @Column(name = "subject_image")
  private String subjectImage;

  @Column(name = "subject_thumbnail")
  private String subjectThumbnail;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected PoseProject() {}

  public PoseProject(UUID userId, String name, String description) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.createdAt = UtcClock.now();
    rename(name, description);
  }

  /** Changes the name, and the description (null or blank: none). */
  public void rename(String name, String description) {
    this.name = name.strip();
    this.description = description == null || description.isBlank() ? null : description.strip();
    this.updatedAt = UtcClock.now();
  }

  /**
   * Poses this subject from now on.
   *
   * @param avatarId the avatar it is a copy of; null for an upload
   * @param name what to call the subject (the avatar's name)
   * @param persona how the subject looks in words (the avatar's prompt), for text-to-image models
   * @param image the stored picture
   * @param thumbnail its stored thumbnail
   */
  public void pose(UUID avatarId, String name, String persona, String image, String thumbnail) {
    this.subjectSource = avatarId == null ? FROM_UPLOAD : FROM_AVATAR;
    this.avatarId = avatarId;
    this.subjectName = name;
    this.subjectPersona = persona;
    this.subjectImage = image;
    this.subjectThumbnail = thumbnail;
    this.updatedAt = UtcClock.now();
  }

  public boolean hasSubject() {
    return subjectImage != null;
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

  /** Where the subject came from: {@code avatar}, {@code upload}, or null for none yet. */
  public String subjectSource() {
    return subjectSource;
  }

  public UUID avatarId() {
    return avatarId;
  }

  public String subjectName() {
    return subjectName;
  }

  public String subjectPersona() {
    return subjectPersona;
  }

  public String subjectImage() {
    return subjectImage;
  }

  public String subjectThumbnail() {
    return subjectThumbnail;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
