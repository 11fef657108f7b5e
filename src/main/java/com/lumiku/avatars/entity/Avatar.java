package com.lumiku.avatars.entity;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.database.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A finished avatar: its picture and thumbnail, the generation that made it (one each), who it is
 * and how it looks (its own copies, whatever becomes of a preset it came from) and where it came
 * from.
 */
@Entity
@Table(name = "avatars")
public class Avatar {

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

  // Counted by AvatarUsages with a conditional update only: never written from here.
  @Column(name = "usage_count", nullable = false, insertable = false, updatable = false)
  private int usageCount;

  @Column(name = "last_used_at", insertable = false, updatable = false)
  private OffsetDateTime lastUsedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Embedded private PersonaColumns persona;

  @Embedded private AttributeColumns attributes;

  @Column(name = "source_type", nullable = false)
  private String sourceType;

  @Column(name = "preset_id")
  @Convert(converter = NullableUuid.class)
  private UUID presetId;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Avatar() {}

  /** An avatar drawn by a generation. */
  public static Avatar generated(
      UUID projectId, UUID userId, UUID generationId, Profile profile, Picture picture) {
    Avatar avatar = new Avatar(UUID.randomUUID(), projectId, userId, profile, picture);
    avatar.generationId = generationId;
    return avatar;
  }

  /** An avatar made of a photo its owner uploaded, stored under the id {@code id}. */
  public static Avatar uploaded(
      UUID id, UUID projectId, UUID userId, Profile profile, Picture picture) {
    return new Avatar(id, projectId, userId, profile, picture);
  }

  private Avatar(UUID id, UUID projectId, UUID userId, Profile profile, Picture picture) {
    this.id = id;
    this.projectId = projectId;
    this.userId = userId;
    this.name = profile.name();
    this.prompt = profile.prompt();
    this.persona = PersonaColumns.of(profile.persona());
    this.attributes = AttributeColumns.of(profile.attributes());
    this.sourceType = Codes.code(profile.source());
    this.presetId = profile.presetId();
    this.imagePath = picture.image();
    this.thumbnailPath = picture.thumbnail();
    this.width = picture.width();
    this.height = picture.height();
    this.createdAt = UtcClock.now();
    this.updatedAt = createdAt;
  }

  /** Renames the avatar. */
  public void rename(String newName) {
    name = newName.strip();
    updatedAt = UtcClock.now();
  }

  /** The stored files of an avatar's picture and its size. */
  public record Picture(String image, String thumbnail, int width, int height) {}

  /**
   * What an avatar is, apart from its picture.
   *
   * @param name the avatar's name
   * @param prompt the words the model was given (null for an upload)
   * @param persona who it is ({@link Persona#NONE} for nobody in particular)
   * @param attributes how it looks ({@link VisualAttributes#NONE} when not said)
   * @param source where it came from
   * @param presetId the preset it was ordered from, if that preset still exists
   */
  public record Profile(
      String name,
      String prompt,
      Persona persona,
      VisualAttributes attributes,
      SourceType source,
      UUID presetId) {}

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

  /** How many times other apps have used it (see {@link AvatarUsage}). */
  public int usageCount() {
    return usageCount;
  }

  public OffsetDateTime lastUsedAt() {
    return lastUsedAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public Persona persona() {
    return PersonaColumns.value(persona);
  }

  public VisualAttributes attributes() {
    return AttributeColumns.value(attributes);
  }

  public SourceType sourceType() {
    return Codes.constant(SourceType.class, sourceType);
  }

  /** The preset it was ordered from, while that preset exists; null otherwise. */
  public UUID presetId() {
    return presetId;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
