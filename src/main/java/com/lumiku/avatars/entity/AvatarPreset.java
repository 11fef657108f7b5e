package com.lumiku.avatars.entity;

import com.lumiku.platform.UtcClock;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A ready-made avatar to order: a persona template, visual attributes and words of its own for the
 * model, which an order's own fields override. Operators keep the catalogue; users see the public
 * presets. {@code usage_count} is never written here: an accepted order moves it with a conditional
 * update in its own transaction.
 */
@Entity
@Table(name = "avatar_presets")
public class AvatarPreset {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String category;

  private String description;

  private String prompt;

  @Embedded private PersonaColumns persona;

  @Embedded private AttributeColumns attributes;

  @Column(name = "is_public", nullable = false)
  private boolean isPublic;

  @Column(name = "usage_count", insertable = false, updatable = false)
  private long usageCount;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected AvatarPreset() {}

  /**
   * What a preset says, as an operator writes it.
   *
   * @param category lower-case words joined by hyphens
   * @param prompt the preset's own words for the model (null for none)
   */
  public record Content(
      String name,
      String category,
      String description,
      String prompt,
      Persona persona,
      VisualAttributes attributes,
      boolean isPublic) {}

  public AvatarPreset(Content content) {
    this.id = UUID.randomUUID();
    this.createdAt = UtcClock.now();
    change(content);
  }

  /** Replaces what the preset says (its usage count stays). */
  public void change(Content content) {
    this.name = content.name();
    this.category = content.category();
    this.description = content.description();
    this.prompt = content.prompt();
    this.persona = PersonaColumns.of(content.persona());
    this.attributes = AttributeColumns.of(content.attributes());
    this.isPublic = content.isPublic();
    this.updatedAt = UtcClock.now();
  }

  public Content content() {
    return new Content(
        name,
        category,
        description,
        prompt,
        PersonaColumns.value(persona),
        AttributeColumns.value(attributes),
        isPublic);
  }

  public UUID id() {
    return id;
  }

  public long usageCount() {
    return usageCount;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
