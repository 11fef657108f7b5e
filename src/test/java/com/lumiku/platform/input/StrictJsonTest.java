package com.lumiku.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Scale;

/**
 * The strict reading of request bodies, as properties over generated bodies: values of the right
 * JSON type bind to what they say; a value of another type, a fraction for a whole number, a number
 * out of range or a control character is refused with a 400 naming the field, never bound.
 */
class StrictJsonTest {

  /** A body with every kind of field the API's bodies have. */
  public record Order(
      String name,
      @MultiLine String prompt,
      Integer width,
      long seed,
      Boolean featured,
      UUID projectId,
      OffsetDateTime expiresAt,
      BigDecimal weight,
      List<String> tags,
      Nested persona,
      JsonArray keypoints,
      @JsonbProperty("public") Boolean isPublic) {}

  public record Nested(String name, @MultiLine String background) {}

  private static String quoted(String text) {
    return JsonDocuments.toJson(text);
  }

  private static List<String> refusedFields(String json) {
    try {
      StrictJson.<Order>read(json, Order.class);
      return List.of();
    } catch (ProblemException refused) {
      assertThat(refused.problem().status()).isEqualTo(400);
      return refused.problem().errors() == null
          ? List.of("body")
          : refused.problem().errors().stream().map(FieldError::field).toList();
    }
  }

  @Property
  void textWithoutControlCharactersBindsAsItIs(@ForAll("texts") String name) {
    Order order = StrictJson.<Order>read("{\"name\":" + quoted(name) + "}", Order.class);
    assertThat(order.name()).isEqualTo(name);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("a", "Z", "0", " ", "-", "\"", "\\", "é", "世", "😀", "\u200d")
        .list()
        .ofMaxSize(20)
        .map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<Character> controlCharacters() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.chars().range('\u007f', '\u009f'),
        Arbitraries.of('\u2028', '\u2029'));
  }

  @Property
  void aControlCharacterInAOneLineTextIsRefusedWherever(
      @ForAll("controlCharacters") char control,
      @ForAll @CharRange(from = 'a', to = 'z') String before,
      @ForAll @CharRange(from = 'a', to = 'z') String after) {
    String text = quoted(before + control + after);
    assertThat(refusedFields("{\"name\":" + text + "}")).containsExactly("name");
    assertThat(refusedFields("{\"tags\":[\"ok\"," + text + "]}")).containsExactly("tags[1]");
    assertThat(refusedFields("{\"persona\":{\"name\":" + text + "}}"))
        .containsExactly("persona.name");
    assertThat(refusedFields("{\"keypoints\":[{\"label\":" + text + "}]}"))
        .containsExactly("keypoints[0].label");
    assertThat(refusedFields("{\"projectId\":" + text + "}")).containsExactly("projectId");
  }

  @Property
  void aMultiLineTextTakesLineBreaksAndTabsButNoOtherControlCharacter(
      @ForAll("controlCharacters") char control) {
    String text = quoted("first line" + control + "second");
    boolean allowed = "\n\r\t\u2028\u2029".indexOf(control) >= 0;
    assertThat(refusedFields("{\"prompt\":" + text + "}"))
        .isEqualTo(allowed ? List.of() : List.of("prompt"));
    assertThat(refusedFields("{\"persona\":{\"background\":" + text + "}}"))
        .isEqualTo(allowed ? List.of() : List.of("persona.background"));
  }

  @Property
  void aNumberOrABooleanIsNoText(@ForAll int number, @ForAll boolean flag) {
    assertThat(refusedFields("{\"name\":" + number + "}")).containsExactly("name");
    assertThat(refusedFields("{\"name\":" + flag + "}")).containsExactly("name");
    assertThat(refusedFields("{\"name\":[\"x\"]}")).containsExactly("name");
    assertThat(refusedFields("{\"name\":{}}")).containsExactly("name");
  }

  @Property
  void aWholeNumberInRangeBinds(@ForAll int width, @ForAll long seed) {
    Order order =
        StrictJson.<Order>read("{\"width\":" + width + ",\"seed\":" + seed + "}", Order.class);
    assertThat(order.width()).isEqualTo(width);
    assertThat(order.seed()).isEqualTo(seed);
  }

  @Property
  void aFractionIsNoWholeNumber(
      @ForAll @BigRange(min = "-100000", max = "100000") @Scale(3) BigDecimal value) {
    String json = value.setScale(Math.max(1, value.scale())).toPlainString();
    assertThat(refusedFields("{\"width\":" + json + "}")).containsExactly("width");
    assertThat(refusedFields("{\"seed\":" + json + "}")).containsExactly("seed");
  }

  @Property
  void aWholeNumberOutOfItsRangeIsRefused(
      @ForAll @BigRange(min = "2147483649", max = "99999999999999999999999") BigDecimal big) {
    String json = big.toBigInteger().toString();
    assertThat(refusedFields("{\"width\":" + json + "}")).containsExactly("width");
    assertThat(refusedFields("{\"width\":-" + json + "}")).containsExactly("width");
  }

  @Property
  void aNumberWrittenAsTextIsNoNumber(@ForAll int number) {
    assertThat(refusedFields("{\"width\":\"" + number + "\"}")).containsExactly("width");
    assertThat(refusedFields("{\"weight\":\"" + number + "\"}")).containsExactly("weight");
    assertThat(refusedFields("{\"featured\":\"true\"}")).containsExactly("featured");
    assertThat(refusedFields("{\"featured\":" + number + "}")).containsExactly("featured");
  }

  @Property
  void anIdIsACanonicalUuidString(@ForAll("uuids") UUID id) {
    assertThat(StrictJson.<Order>read("{\"projectId\":\"" + id + "\"}", Order.class).projectId())
        .isEqualTo(id);
    assertThat(refusedFields("{\"projectId\":\"" + id + "x\"}")).containsExactly("projectId");
    assertThat(refusedFields("{\"projectId\":\"1-1-1-1-1\"}")).containsExactly("projectId");
  }

  @Provide
  Arbitrary<UUID> uuids() {
    return Arbitraries.create(UUID::randomUUID);
  }

  @Property
  void aTimeOutsideTheYearsTheDatabaseHoldsIsRefused(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 10000, max = 999999) int year) {
    assertThat(refusedFields("{\"expiresAt\":\"+" + year + "-01-01T00:00:00Z\"}"))
        .containsExactly("expiresAt");
  }

  @Example
  void theWrongShapeOfBodyIsRefusedAsAWhole() {
    assertThat(refusedFields("[]")).containsExactly("body");
    assertThat(refusedFields("null")).containsExactly("body");
    assertThat(refusedFields("\"text\"")).containsExactly("body");
    assertThat(refusedFields("{\"name\":")).containsExactly("body");
    assertThat(refusedFields("{} trailing")).containsExactly("body");
    assertThat(refusedFields("[".repeat(100_000))).containsExactly("body");
    assertThat(refusedFields("{\"tags\":" + "[".repeat(100_000))).containsExactly("body");
    assertThat(refusedFields("{\"tags\":\"one\"}")).containsExactly("tags");
    assertThat(refusedFields("{\"persona\":[]}")).containsExactly("persona");
    assertThat(refusedFields("{\"keypoints\":{}}")).containsExactly("keypoints");
    assertThat(refusedFields("{\"seed\":null}")).containsExactly("seed");
  }

  @Example
  void everyBrokenFieldIsNamedAtOnceAndUnknownFieldsAreIgnored() {
    assertThat(refusedFields("{\"name\":1,\"width\":512.5,\"featured\":\"yes\",\"role\":\"x\"}"))
        .containsExactlyInAnyOrder("name", "width", "featured");
  }

  @Example
  void aRenamedPropertyIsCheckedUnderItsJsonName() {
    assertThat(refusedFields("{\"public\":\"yes\"}")).containsExactly("public");
    assertThat(StrictJson.<Order>read("{\"public\":true}", Order.class).isPublic()).isTrue();
  }

  @Example
  void aTypeItCannotCheckIsAProgrammingErrorNotABody() {
    record Loose(Object anything) {}
    assertThat(StrictJson.supported(Loose.class)).isFalse();
    assertThatThrownBy(() -> StrictJson.read("{}", Loose.class))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
