package com.lumiku.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldRulesTest {

  private static List<FieldError> check(String value, Lines lines) {
    List<FieldError> errors = new ArrayList<>();
    FieldRules.optional("name", value, 100, lines, errors);
    return errors;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b", // NUL
        "a\nb",
        "a\tb",
        "a\u2028b", // line separator
        "a\u2029b", // paragraph separator
        "a\u202eb", // right-to-left override
        "a\u2066b", // left-to-right isolate
        "a\u200eb", // left-to-right mark
        "a\u200bb", // zero-width space
        "a\u00adb", // soft hyphen
        "a\ufeffb", // byte order mark, inside
        "a\udb40\udc41b", // tag latin capital a (U+E0041)
      })
  void aOneLineTextRefusesControlLineAndFormatCharacters(String value) {
    assertThat(check(value, Lines.ONE)).extracting(FieldError::field).containsExactly("name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Studio Jakarta",
        "Café résumé",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", // Persian, with a zero-width non-joiner
        "\ud83d\udc69\u200d\ud83d\udcbb at work", // woman technologist: an emoji joined by ZWJ
        "\u05e9\u05dc\u05d5\u05dd and hello", // Hebrew, ordered by the text itself
      })
  void aOneLineTextKeepsWhatWritingNeeds(String value) {
    assertThat(check(value, Lines.ONE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"first line\nsecond", "a\r\nb", "col\tcol"})
  void aTextOfManyLinesKeepsLineBreaksAndTabs(String value) {
    assertThat(check(value, Lines.MANY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u007fb"})
  void aTextOfManyLinesRefusesOtherControlCharacters(String value) {
    assertThat(check(value, Lines.MANY)).extracting(FieldError::field).containsExactly("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"  padded  ", "\u2028padded\u2029"})
  void surroundingWhitespaceIsStrippedFirst(String value) {
    List<FieldError> errors = new ArrayList<>();
    assertThat(FieldRules.optional("name", value, 100, Lines.ONE, errors)).isEqualTo("padded");
    assertThat(errors).isEmpty();
  }
}
