package com.lumiku.avatars.control;

import static com.lumiku.avatars.control.AvatarFixtures.SARI;
import static com.lumiku.avatars.control.AvatarFixtures.SARI_LOOKS;
import static com.lumiku.platform.problem.FieldsAssert.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.avatars.entity.Gender;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.JsonDocuments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Avatar orders: their own rules, and what they ask for over a preset. */
class AvatarDraftTest {

  private static final AvatarPreset.Content PRESET =
      new AvatarPreset.Content(
          "Corporate Sari", "professional", null, "grey backdrop", SARI, SARI_LOOKS, true);

  @Test
  void anOrderOfWordsIsTheOrderItWas() {
    AvatarDraft draft = draft(" Merlin ", " a wizard ", null, null, null);
    assertThat(draft.name()).isEqualTo("Merlin");
    assertThat(draft.width()).isEqualTo(512);
    assertThat(draft.height()).isEqualTo(512);
    AvatarDraft.Resolved avatar = draft.resolve(null);
    assertThat(avatar.prompt()).isEqualTo("a wizard");
    assertThat(avatar.persona()).isEqualTo(Persona.NONE);
    assertThat(avatar.attributes()).isEqualTo(VisualAttributes.NONE);
  }

  @Test
  void everyBrokenRuleOfAnOrderWithoutPresetIsOneAnswer() {
    assertThat(
            refusedFields(
                () -> AvatarDraft.checked("", null, 5000, 100, null, null, AttributeFields.NONE)))
        .containsExactly("height", "name", "prompt", "width");
    assertThat(
            refusedFields(
                () ->
                    draft(
                        "x",
                        null,
                        null,
                        null,
                        new AttributeFields(
                            "robot", null, null, null, null, null, null, null, null))))
        .as("a bad attribute is not also 'nothing to draw'")
        .containsExactly("attributes.gender");
  }

  @Test
  void attributesAloneAreEnoughAndThePersonaNamesTheAvatar() {
    AvatarDraft.Resolved avatar =
        draft(null, null, null, PersonaFields.of(SARI), AttributeFields.of(SARI_LOOKS))
            .resolve(null);
    assertThat(avatar.name()).isEqualTo("Sari");
    assertThat(avatar.prompt()).startsWith("Professional headshot of Sari, a 27-year-old");
    assertThat(avatar.persona()).isEqualTo(SARI);
    assertThat(avatar.attributes()).isEqualTo(SARI_LOOKS);
  }

  @Test
  void aNameAloneIsNotAnAvatar() {
    assertThat(
            refusedFields(
                () -> draft(null, null, null, new PersonaFields("Sari", null, null, null), null)))
        .containsExactly("prompt");
  }

  @Test
  void anOrderOfAPresetChangesOnlyWhatItNames() {
    UUID presetId = UUID.randomUUID();
    AvatarDraft plain = draft(null, null, presetId, null, null);
    AvatarDraft.Resolved asItIs = plain.resolve(PRESET);
    assertThat(asItIs.name()).as("the persona's name first").isEqualTo("Sari");
    assertThat(asItIs.prompt())
        .isEqualTo(PromptBuilder.build(SARI, SARI_LOOKS, "grey backdrop"))
        .contains("grey backdrop");

    AvatarDraft.Resolved changed =
        draft(
                "Office Sari",
                "",
                presetId,
                new PersonaFields(null, 40, null, null),
                new AttributeFields("male", null, null, null, "", null, null, null, null))
            .resolve(PRESET);
    assertThat(changed.name()).isEqualTo("Office Sari");
    assertThat(changed.persona().age()).isEqualTo(40);
    assertThat(changed.persona().background()).isEqualTo(SARI.background());
    assertThat(changed.attributes().gender()).isEqualTo(Gender.MALE);
    assertThat(changed.attributes().hairStyle()).isNull();
    assertThat(changed.attributes().hairColor()).isEqualTo("black");
    assertThat(changed.prompt())
        .as("a blank prompt removes the preset's words")
        .doesNotContain("grey backdrop")
        .contains("40-year-old Javanese man");

    AvatarPreset.Content nameless =
        new AvatarPreset.Content(
            "Nameless", "x", null, "a cat", Persona.NONE, VisualAttributes.NONE, true);
    assertThat(plain.resolve(nameless).name()).as("else the preset's name").isEqualTo("Nameless");
  }

  @Test
  void anOrderOfAPresetIsCheckedOverIt() {
    UUID presetId = UUID.randomUUID();
    AvatarDraft unchecked = draft(null, "x".repeat(990), presetId, null, null);
    assertThat(refusedFields(() -> unchecked.resolve(PRESET))).containsExactly("prompt");
  }

  @Test
  void theSameOrderIsTheSameFingerprint() {
    UUID presetId = UUID.randomUUID();
    String one = JsonDocuments.toJson(draft(" A ", "a cat ", presetId, null, AttributeFields.NONE));
    String two = JsonDocuments.toJson(draft("A", " a cat", presetId, PersonaFields.NONE, null));
    assertThat(one).isEqualTo(two);
    assertThat(JsonDocuments.toJson(draft("A", "a cat", presetId, null, male()))).isNotEqualTo(one);
  }

  private static AttributeFields male() {
    return new AttributeFields("male", null, null, null, null, null, null, null, null);
  }

  private static AvatarDraft draft(
      String name,
      String prompt,
      UUID presetId,
      PersonaFields persona,
      AttributeFields attributes) {
    return AvatarDraft.checked(name, prompt, null, null, presetId, persona, attributes);
  }
}
