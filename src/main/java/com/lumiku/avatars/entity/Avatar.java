package com.lumiku.avatars.entity;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.database.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A finished avatar: its picture and thumbnail, and the generation that made it (one each). */
@Entity
@Table(name = "avatars")
@NamedQuery(
    name = Avatar.OF_PROJECT,
    query = "SELECT a FROM Avatar a WHERE a.projectId = :projectId ORDER BY a.createdAt DESC")
public class Avatar {

  public static final String OF_PROJECT = "Avatar.ofProject";

  @Id private UUID id;

  @Column(name = "project_id", nullable = false)
  private UUID projectId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "generation_id")
  @Convert(converter = NullableUuid.class)
  private UUID generationId;

  @Column(nullable = false)
  private String name;

  private String prompt;

  @Column(name = "image_path", nullable = false)
  private String imagePath;

  @Column(name = "thumbnail_path", nullable = false)
  private String thumbnailPath;

  @Column(nullable = false)
  private int width;

  @Column(nullable = false)
  private int height;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Avatar() {}

  /** An avatar drawn by a generation from a prompt. */
  public static Avatar generated(
      UUID projectId, UUID userId, UUID generationId, String name, String prompt, Picture picture) {
    Avatar avatar = new Avatar();
    avatar.id = UUID.randomUUID();
    avatar.projectId = projectId;
    avatar.userId = userId;
    avatar.generationId = generationId;
    avatar.name = name;
    avatar.prompt = prompt;
    avatar.imagePath = picture.image();
    avatar.thumbnailPath = picture.thumbnail();
    avatar.width = picture.width();
    avatar.height = picture.height();
    avatar.createdAt = UtcClock.now();
    return avatar;
  }

  /** The stored files of an avatar's picture and its size. */
  public record Picture(String image, String thumbnail, int width, int height) {}

  public UUID id() {
    return id;
  }

  public UUID projectId() {
    return projectId;
  }

  public UUID userId() {
    return userId;
  }

  public UUID generationId() {
    return generationId;
  }

  public String name() {
    return name;
  }

  public String prompt() {
    return prompt;
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

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
