package com.lumiku.avatars.control;

import static com.lumiku.avatars.control.AvatarFixtures.SARI;
import static com.lumiku.avatars.control.AvatarFixtures.SARI_LOOKS;
import static com.lumiku.avatars.control.AvatarFixtures.looks;
import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.avatars.entity.AgeRange;
import com.lumiku.avatars.entity.AvatarStyle;
import com.lumiku.avatars.entity.Gender;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model's prompt as the builder writes it from a persona, attributes and free words. */
class PromptBuilderTest {

  @Test
  void wordsAloneAreThePromptAsTheyWere() {
    assertThat(PromptBuilder.build(Persona.NONE, VisualAttributes.NONE, "a wizard\nwith a hat"))
        .isEqualTo("a wizard\nwith a hat");
  }

  @Test
  void aPersonaAndALookMakeOnePrompt() {
    assertThat(PromptBuilder.build(SARI, SARI_LOOKS, "wearing a red scarf"))
        .isEqualTo(
            "Professional headshot of Sari, a 27-year-old Javanese woman, athletic build, tan"
                + " skin tone, black hair, long and wavy, brown eyes, confident, warm expression,"
                + " Marketing lead at a Jakarta startup, wearing a red scarf, studio lighting,"
                + " neutral backdrop");
  }

  @Test
  void theSameInputGivesTheSamePrompt() {
    assertThat(PromptBuilder.build(SARI, SARI_LOOKS, null))
        .isEqualTo(PromptBuilder.build(SARI, SARI_LOOKS, null));
  }

  @Test
  void anAgeRangeStandsInForAnAgeAndAPersonForNobodyInParticular() {
    VisualAttributes senior =
        new VisualAttributes(null, AgeRange.SENIOR, null, null, null, "white", null, null, null);
    assertThat(PromptBuilder.build(Persona.NONE, senior, null))
        .isEqualTo("Portrait of a senior person, white hair, high detail");
    VisualAttributes youngMan =
        new VisualAttributes(
            Gender.MALE, AgeRange.YOUNG_ADULT, null, null, null, null, null, null, null);
    assertThat(PromptBuilder.build(new Persona(null, 41, List.of(), null), youngMan, null))
        .as("an exact age says more than a range")
        .startsWith("Portrait of a 41-year-old man");
  }

  @Test
  void everyStyleAndGenderHasItsOwnWords() {
    Set<String> prompts = new HashSet<>();
    for (AvatarStyle style : AvatarStyle.values()) {
      prompts.add(PromptBuilder.build(Persona.NONE, looks(null, style), null));
    }
    assertThat(prompts).hasSize(AvatarStyle.values().length);
    assertThat(PromptBuilder.build(Persona.NONE, looks(Gender.NON_BINARY, null), null))
        .isEqualTo("Portrait of a non-binary person, high detail");
    assertThat(EnumSet.allOf(Gender.class))
        .allSatisfy(
            gender ->
                assertThat(PromptBuilder.build(Persona.NONE, looks(gender, null), null))
                    .doesNotContain("null"));
  }

  @Test
  void hairIsSaidOnceWhateverTheWords() {
    assertThat(PromptBuilder.hair(null, "black")).isEqualTo("black hair");
    assertThat(PromptBuilder.hair(null, "black hair")).isEqualTo("black hair");
    assertThat(PromptBuilder.hair("short curls", null)).isEqualTo("short curls hair");
    assertThat(PromptBuilder.hair("bald, with a long beard", null))
        .isEqualTo("bald, with a long beard");
    assertThat(PromptBuilder.hair("wearing a pastel hijab", null))
        .isEqualTo("wearing a pastel hijab");
    assertThat(PromptBuilder.hair("bun", "auburn")).isEqualTo("auburn hair, bun");
    assertThat(PromptBuilder.hair(null, null)).isNull();
  }

  @Test
  void articlesFollowTheSound() {
    assertThat(PromptBuilder.article("adult woman")).isEqualTo("an");
    assertThat(PromptBuilder.article("Indonesian man")).isEqualTo("an");
    assertThat(PromptBuilder.article("18-year-old person")).isEqualTo("an");
    assertThat(PromptBuilder.article("80-year-old person")).isEqualTo("an");
    assertThat(PromptBuilder.article("84-year-old person")).isEqualTo("an");
    assertThat(PromptBuilder.article("27-year-old person")).isEqualTo("a");
    assertThat(PromptBuilder.article("100-year-old person")).isEqualTo("a");
    assertThat(PromptBuilder.article("European woman")).isEqualTo("a");
    assertThat(PromptBuilder.article("Ukrainian man")).isEqualTo("a");
    assertThat(PromptBuilder.article("Uzbek man")).isEqualTo("an");
    assertThat(PromptBuilder.article("middle-aged man")).isEqualTo("a");
  }

  @Test
  void aNameAloneIsNothingToDraw() {
    Persona named = new Persona("Sari", null, List.of(), null);
    assertThat(PromptBuilder.describesSomething(named, VisualAttributes.NONE, null)).isFalse();
    assertThat(PromptBuilder.describesSomething(named, VisualAttributes.NONE, " ")).isFalse();
    assertThat(PromptBuilder.describesSomething(named, looks(Gender.FEMALE, null), null)).isTrue();
    assertThat(
            PromptBuilder.describesSomething(
                new Persona(null, null, List.of("shy"), null), VisualAttributes.NONE, null))
        .isTrue();
    assertThat(PromptBuilder.describesSomething(Persona.NONE, VisualAttributes.NONE, "a cat"))
        .isTrue();
  }

  @Test
  void aPromptLongerThanTheColumnIsRefusedWithItsLength() {
    List<FieldError> errors = new ArrayList<>();
    assertThat(PromptBuilder.checked(SARI, SARI_LOOKS, "x".repeat(950), "prompt", errors)).isNull();
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("prompt"));
    assertThat(errors.get(0).message()).contains("at most 1000");

    errors.clear();
    assertThat(PromptBuilder.checked(Persona.NONE, VisualAttributes.NONE, null, "prompt", errors))
        .isNull();
    assertThat(errors.get(0).message()).startsWith("Describe the avatar");

    errors.clear();
    String words = "y".repeat(PromptBuilder.MAX_LENGTH);
    assertThat(PromptBuilder.checked(Persona.NONE, VisualAttributes.NONE, words, "p", errors))
        .isEqualTo(words);
    assertThat(errors).isEmpty();
  }
}
