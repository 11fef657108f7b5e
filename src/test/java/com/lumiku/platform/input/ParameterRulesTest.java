package com.lumiku.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

class ParameterRulesTest {

  private static Map<String, String> check(String value) {
    Map<String, String> errors = new TreeMap<>();
    ParameterRules.check("cursor", value, errors);
    return errors;
  }

  @Property
  void aPrintableParameterPasses(
      @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = ParameterRules.LONGEST)
          String value) {
    assertThat(check(value)).isEmpty();
  }

  @Provide
  Arbitrary<Character> controlCharacters() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.chars().range('\u007f', '\u009f'),
        Arbitraries.of('\u2028', '\u2029', '\ud800', '\udfff'));
  }

  @Property
  void aControlCharacterAnywhereIsRefused(
      @ForAll("controlCharacters") char control,
      @ForAll @CharRange(from = 'a', to = 'z') String before,
      @ForAll @CharRange(from = 'a', to = 'z') String after) {
    assertThat(check(before + control + after)).containsOnlyKeys("cursor");
  }

  @Property(tries = 20)
  void aParameterLongerThanAnyRouteTakesIsRefused(
      @ForAll
          @StringLength(min = ParameterRules.LONGEST + 1, max = 20_000)
          @CharRange(from = 'a', to = 'z')
          String value) {
    assertThat(check(value)).containsOnlyKeys("cursor");
  }
}
