package com.lumiku.avatars.control;

import static com.lumiku.avatars.control.AvatarFixtures.SARI;
import static com.lumiku.avatars.control.AvatarFixtures.SARI_LOOKS;
import static com.lumiku.platform.problem.FieldsAssert.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.avatars.entity.AvatarStyle;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.PersonaExample;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Presets and persona examples as operators write them, checked before the database. */
class CatalogueEditTest {

  private static final AttributeFields ANIME =
      new AttributeFields(null, null, null, null, null, null, null, null, "anime");

  @Test
  void aNewPresetNeedsANameACategoryAndSomethingToDraw() {
    AvatarPreset.Content preset =
        new PresetEdit(" Anime Hero ", " Animated ", " ", null, null, ANIME, null).checked(null);
    assertThat(preset.name()).isEqualTo("Anime Hero");
    assertThat(preset.category()).isEqualTo("animated");
    assertThat(preset.description()).as("blank: none").isNull();
    assertThat(preset.attributes().style()).isEqualTo(AvatarStyle.ANIME);
    assertThat(preset.persona()).isEqualTo(Persona.NONE);
    assertThat(preset.isPublic()).as("public unless said").isTrue();

    assertThat(
            refusedFields(
                () -> new PresetEdit(null, null, null, null, null, null, null).checked(null)))
        .containsExactly("category", "name");
    assertThat(
            refusedFields(
                () -> new PresetEdit("A", "a", null, null, null, null, null).checked(null)))
        .containsExactly("prompt");
    assertThat(
            refusedFields(
                () -> new PresetEdit("A", "Two Words", null, "x", null, null, null).checked(null)))
        .containsExactly("category");
  }

  @Test
  void aPresetChangeKeepsWhatItDoesNotName() {
    AvatarPreset.Content current =
        new AvatarPreset.Content("Sari", "professional", "About", "grey", SARI, SARI_LOOKS, true);
    AvatarPreset.Content changed =
        new PresetEdit(null, null, "", null, new PersonaFields(null, 30, null, null), null, false)
            .checked(current);
    assertThat(changed.name()).isEqualTo("Sari");
    assertThat(changed.description()).isNull();
    assertThat(changed.prompt()).isEqualTo("grey");
    assertThat(changed.persona().age()).isEqualTo(30);
    assertThat(changed.persona().name()).isEqualTo("Sari");
    assertThat(changed.attributes()).isEqualTo(SARI_LOOKS);
    assertThat(changed.isPublic()).isFalse();
    assertThat(new PresetEdit(null, null, null, null, null, null, null).checked(current))
        .isEqualTo(current);
    assertThat(
            refusedFields(
                () -> new PresetEdit(" ", null, null, null, null, null, null).checked(current)))
        .containsExactly("name");
  }

  @Test
  void aChangeThatLeavesNothingToDrawIsRefused() {
    AvatarPreset.Content wordsOnly =
        new AvatarPreset.Content(
            "Cat", "animals", null, "a cat", Persona.NONE, VisualAttributes.NONE, true);
    assertThatThrownBy(
            () -> new PresetEdit(null, null, null, "", null, null, null).checked(wordsOnly))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void publicIsSpelledPublicInJson() {
    PresetEdit edit =
        JsonDocuments.fromJson(
            "{\"name\":\"A\",\"category\":\"a\",\"prompt\":\"x\",\"public\":false,"
                + "\"persona\":{\"personalityTraits\":[\"kind\"]},"
                + "\"attributes\":{\"gender\":\"female\"}}",
            PresetEdit.class);
    assertThat(edit.isPublic()).isFalse();
    assertThat(edit.persona().personalityTraits()).containsExactly("kind");
    assertThat(edit.attributes().gender()).isEqualTo("female");
  }

  @Test
  void aNewExampleGoesAfterTheLastOfItsCategoryUnlessItSaysWhere() {
    PersonaExampleEdit edit =
        new PersonaExampleEdit(
            "Business",
            null,
            " The Founder ",
            PersonaFields.of(SARI),
            AttributeFields.of(SARI_LOOKS));
    PersonaExample.Content example =
        edit.checked(null, category -> category.equals("business") ? 7 : -1);
    assertThat(example.category()).isEqualTo("business");
    assertThat(example.displayOrder()).isEqualTo(7);
    assertThat(example.name()).isEqualTo("The Founder");
    assertThat(example.persona()).isEqualTo(SARI);
    assertThat(example.suggestedAttributes()).isEqualTo(SARI_LOOKS);

    PersonaExample.Content moved =
        new PersonaExampleEdit(null, 2, null, null, null).checked(example, category -> -1);
    assertThat(moved.displayOrder()).isEqualTo(2);
    assertThat(moved.name()).isEqualTo("The Founder");

    assertThat(
            refusedFields(
                () ->
                    new PersonaExampleEdit(
                            null,
                            -1,
                            null,
                            new PersonaFields(null, 12, null, null),
                            new AttributeFields(
                                null, null, null, "tall", null, null, null, null, null))
                        .checked(null, category -> 1)))
        .containsExactly(
            "category", "displayOrder", "name", "persona.age", "suggestedAttributes.bodyType");
  }
}
