package com.lumiku.avatars.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One use of an avatar by another app (e.g. Pose Generator posing it), so its owner can see where
 * an avatar went. Written in the transaction of the action that uses it; never changed.
 */
@Entity
@Table(name = "avatar_usages")
@NamedQuery(
    name = AvatarUsage.OF_AVATAR,
    query =
        "SELECT u FROM AvatarUsage u WHERE u.avatarId = :avatarId"
            + " ORDER BY u.usedAt DESC, u.id DESC")
public class AvatarUsage {

  public static final String OF_AVATAR = "AvatarUsage.ofAvatar";

  @Id private UUID id;

  @Column(name = "avatar_id", nullable = false)
  private UUID avatarId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String app;

  @Column(nullable = false)
  private String action;

  @Column(name = "reference_type", nullable = false)
  private String referenceType;

  @Column(name = "reference_id", nullable = false)
  private UUID referenceId;

  @Column(name = "used_at", nullable = false)
  private OffsetDateTime usedAt;

  protected AvatarUsage() {}

  /**
   * A use of the avatar.
   *
   * @param app the app that used it
   * @param action what it did with it, e.g. {@code project} or {@code generation}
   * @param referenceType what {@code referenceId} names, e.g. {@code pose-project}
   * @param referenceId the app's record of the use
   */
  public AvatarUsage(
      Avatar avatar, String app, String action, String referenceType, UUID referenceId) {
    this.id = UUID.randomUUID();
    this.avatarId = avatar.id();
    this.userId = avatar.userId();
    this.app = app;
    this.action = action;
    this.referenceType = referenceType;
    this.referenceId = referenceId;
    this.usedAt = UtcClock.now();
  }

  public UUID id() {
    return id;
  }

  public UUID avatarId() {
    return avatarId;
  }

  public String app() {
    return app;
  }

  public String action() {
    return action;
  }

  public String referenceType() {
    return referenceType;
  }

  public UUID referenceId() {
    return referenceId;
  }

  public OffsetDateTime usedAt() {
    return usedAt;
  }
}
