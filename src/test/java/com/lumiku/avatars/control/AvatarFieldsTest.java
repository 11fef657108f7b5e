package com.lumiku.avatars.control;

import static com.lumiku.avatars.control.AvatarFixtures.SARI;
import static com.lumiku.avatars.control.AvatarFixtures.SARI_LOOKS;
import static com.lumiku.platform.problem.FieldsAssert.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.avatars.entity.AgeRange;
import com.lumiku.avatars.entity.AvatarStyle;
import com.lumiku.avatars.entity.BodyType;
import com.lumiku.avatars.entity.Gender;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.SkinTone;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Personas and attributes as clients send them: their rules, and how changes apply to a base. */
class AvatarFieldsTest {

  @Test
  void codesAreReadInAnyCaseAndTextsStripped() {
    AttributeFields checked =
        checked(
            new AttributeFields(
                " Female ",
                "YOUNG_ADULT",
                " Javanese ",
                "plus_size",
                " long ",
                " black ",
                "brown",
                "Tan",
                "sci_fi"));
    assertThat(checked)
        .isEqualTo(
            new AttributeFields(
                "female",
                "young_adult",
                "Javanese",
                "plus_size",
                "long",
                "black",
                "brown",
                "tan",
                "sci_fi"));
    assertThat(checked.over(VisualAttributes.NONE))
        .isEqualTo(
            new VisualAttributes(
                Gender.FEMALE,
                AgeRange.YOUNG_ADULT,
                "Javanese",
                BodyType.PLUS_SIZE,
                "long",
                "black",
                "brown",
                SkinTone.TAN,
                AvatarStyle.SCI_FI));
  }

  @Test
  void unknownCodesAreNamedWithTheirChoices() {
    List<FieldError> errors = new ArrayList<>();
    new AttributeFields("robot", "teen", null, "tall", null, null, null, "green", "noir")
        .checked("attributes", errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "attributes.gender",
            "attributes.ageRange",
            "attributes.bodyType",
            "attributes.skinTone",
            "attributes.style");
    assertThat(errors.get(0).message())
        .isEqualTo("attributes.gender must be one of female, male, non_binary.");
  }

  @Test
  void freeWordsAreBoundedAndOneLine() {
    List<FieldError> errors = new ArrayList<>();
    new AttributeFields(
            null, null, "x".repeat(61), null, "a\nb", "y".repeat(41), "z\u0007", null, null)
        .checked("attributes", errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "attributes.ethnicity",
            "attributes.hairStyle",
            "attributes.hairColor",
            "attributes.eyeColor");
  }

  @Test
  void changesKeepWhatTheyDoNotNameAndRemoveWhatIsBlank() {
    AttributeFields changes =
        checked(new AttributeFields("male", "", null, null, " ", "red", null, null, null));
    VisualAttributes changed = changes.over(SARI_LOOKS);
    assertThat(changed.gender()).isEqualTo(Gender.MALE);
    assertThat(changed.ageRange()).as("blank: removed").isNull();
    assertThat(changed.hairStyle()).as("blank: removed").isNull();
    assertThat(changed.hairColor()).isEqualTo("red");
    assertThat(changed.ethnicity()).as("absent: kept").isEqualTo("Javanese");
    assertThat(changed.style()).isEqualTo(AvatarStyle.PROFESSIONAL);
    assertThat(AttributeFields.NONE.over(SARI_LOOKS)).isEqualTo(SARI_LOOKS);
    assertThat(AttributeFields.of(SARI_LOOKS).over(VisualAttributes.NONE)).isEqualTo(SARI_LOOKS);
  }

  @Test
  void aPersonaIsAnAdultWithAFewShortTraits() {
    List<FieldError> errors = new ArrayList<>();
    PersonaFields checked =
        new PersonaFields(" Sari ", 27, List.of(" Warm ", "curious", "WARM"), " Story ")
            .checked("persona", errors);
    assertThat(errors).isEmpty();
    assertThat(checked)
        .isEqualTo(new PersonaFields("Sari", 27, List.of("Warm", "curious"), "Story"));

    errors.clear();
    new PersonaFields("x".repeat(101), 17, List.of("ok", " "), "y".repeat(501))
        .checked("persona", errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "persona.name", "persona.age", "persona.background", "persona.personalityTraits");
    assertThat(errors.get(1).message()).contains("adults");

    errors.clear();
    new PersonaFields(null, 101, Collections.nCopies(9, "kind"), "two\nlines")
        .checked("persona", errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("persona.age", "persona.personalityTraits");
  }

  @Test
  void personaChangesKeepWhatTheyDoNotName() {
    Persona changed = checked(new PersonaFields(null, 30, List.of(), "")).over(SARI);
    assertThat(changed.name()).isEqualTo("Sari");
    assertThat(changed.age()).isEqualTo(30);
    assertThat(changed.personalityTraits()).as("an empty list removes them").isEmpty();
    assertThat(changed.background()).isNull();
    assertThat(PersonaFields.NONE.over(SARI)).isEqualTo(SARI);
    assertThat(PersonaFields.of(SARI).over(Persona.NONE)).isEqualTo(SARI);
  }

  @Test
  void allBrokenRulesAreOneAnswer() {
    assertThat(
            refusedFields(
                () -> {
                  List<FieldError> errors = new ArrayList<>();
                  new PersonaFields(null, 5, null, null).checked("persona", errors);
                  new AttributeFields("x", null, null, null, null, null, null, null, null)
                      .checked("attributes", errors);
                  FieldRules.refuseIfAny(errors);
                }))
        .containsExactly("attributes.gender", "persona.age");
  }

  private static AttributeFields checked(AttributeFields fields) {
    List<FieldError> errors = new ArrayList<>();
    AttributeFields checked = fields.checked("attributes", errors);
    assertThat(errors).isEmpty();
    return checked;
  }

  private static PersonaFields checked(PersonaFields fields) {
    List<FieldError> errors = new ArrayList<>();
    PersonaFields checked = fields.checked("persona", errors);
    assertThat(errors).isEmpty();
    return checked;
  }
}
