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
 * A persona to start one's own from, with the look it suggests, shown in categories in the order
 * operators give them. Nothing refers to one, so operators may delete it.
 */
@Entity
@Table(name = "avatar_persona_examples")
public class PersonaExample {

  @Id private UUID id;

  @Column(nullable = false)
  private String category;

  @Column(name = "display_order", nullable = false)
  private int displayOrder;

  @Column(nullable = false)
  private String name;

  @Embedded private PersonaColumns persona;

  @Embedded private AttributeColumns suggestedAttributes;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected PersonaExample() {}

  /**
   * What an example says, as an operator writes it.
   *
   * @param category lower-case words joined by hyphens
   * @param displayOrder its place in its category
   * @param name what the example is called, e.g. "The Startup Founder"
   */
  public record Content(
      String category,
      int displayOrder,
      String name,
      Persona persona,
      VisualAttributes suggestedAttributes) {}

  public PersonaExample(Content content) {
    this.id = UUID.randomUUID();
    this.createdAt = UtcClock.now();
    change(content);
  }

  /** Replaces what the example says. */
  public void change(Content content) {
    this.category = content.category();
    this.displayOrder = content.displayOrder();
    this.name = content.name();
    this.persona = PersonaColumns.of(content.persona());
    this.suggestedAttributes = AttributeColumns.of(content.suggestedAttributes());
    this.updatedAt = UtcClock.now();
  }

  public Content content() {
    return new Content(
        category,
        displayOrder,
        name,
        PersonaColumns.value(persona),
        AttributeColumns.value(suggestedAttributes));
  }

  public UUID id() {
    return id;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
