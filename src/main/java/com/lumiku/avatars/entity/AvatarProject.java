package com.lumiku.avatars.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's collection of avatars in the Avatar Creator, e.g. one per character or brand. */
@Entity
@Table(name = "avatar_projects")
@NamedQuery(
    name = AvatarProject.OF_USER,
    query = "SELECT p FROM AvatarProject p WHERE p.userId = :userId ORDER BY p.createdAt DESC")
public class AvatarProject {

  public static final String OF_USER = "AvatarProject.ofUser";

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String name;

  private String description;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected AvatarProject() {}

  public AvatarProject(UUID userId, String name, String description) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.name = name.strip();
    this.description = description == null || description.isBlank() ? null : description.strip();
    this.createdAt = UtcClock.now();
    this.updatedAt = createdAt;
  }

  /** Renames the project and/or changes its description; null leaves a field as it is. */
  public void change(String newName, String newDescription) {
    if (newName != null) {
      name = newName.strip();
    }
    if (newDescription != null) {
      description = newDescription.isBlank() ? null : newDescription.strip();
    }
    updatedAt = UtcClock.now();
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

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
