package com.lumiku.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChoiceTest {

  enum Shade {
    LIGHT,
    DARK_BLUE
  }

  @Test
  void aCodeIsTheLowerCaseName() {
    assertThat(Choice.code(Shade.DARK_BLUE)).isEqualTo("dark_blue");
  }

  @Test
  void anyCaseAndSurroundingBlanksName() {
    assertThat(Choice.parse(Shade.class, "shade", " Light ")).isEqualTo(Shade.LIGHT);
    assertThat(Choice.parse(Shade.class, "shade", "dark_blue")).isEqualTo(Shade.DARK_BLUE);
  }

  @Test
  void absentOrBlankIsNone() {
    assertThat(Choice.parse(Shade.class, "shade", null)).isNull();
    assertThat(Choice.parse(Shade.class, "shade", "  ")).isNull();
  }

  @Test
  void anythingElseIsABadRequestListingTheChoices() {
    assertThatThrownBy(() -> Choice.parse(Shade.class, "shade", "LIGHTER"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().detail()).isEqualTo("shade must be one of light, dark_blue.");
            });
  }
}
