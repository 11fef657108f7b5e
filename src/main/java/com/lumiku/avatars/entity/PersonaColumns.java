package com.lumiku.avatars.entity;

import com.lumiku.platform.JsonDocuments;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;

/**
 * A {@link Persona} as V12's columns hold it, the same in every table that has one; the traits are
 * a JSON array (null when there are none).
 */
@Embeddable
public class PersonaColumns {

  @Column(name = "persona_name")
  private String name;

  @Column(name = "persona_age")
  private Integer age;

  @Column(name = "personality_traits")
  private String traits;

  @Column(name = "persona_background")
  private String background;

  protected PersonaColumns() {}

  static PersonaColumns of(Persona persona) {
    PersonaColumns columns = new PersonaColumns();
    columns.name = persona.name();
    columns.age = persona.age();
    columns.traits =
        persona.personalityTraits().isEmpty()
            ? null
            : JsonDocuments.toJson(persona.personalityTraits());
    columns.background = persona.background();
    return columns;
  }

  /** The persona of these columns; EclipseLink leaves an embedded value null when all are null. */
  static Persona value(PersonaColumns columns) {
    if (columns == null) {
      return Persona.NONE;
    }
    List<String> traits =
        columns.traits == null
            ? List.of()
            : JsonDocuments.parseArray(columns.traits).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    return new Persona(columns.name, columns.age, traits, columns.background);
  }
}
