package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever a client sends as a cursor, the answer is a position or a 400, never a failure. */
class CursorPropertiesTest {

  @Property
  void anyTextIsACursorOrABadRequest(@ForAll String cursor) {
    try {
      PageCursor.decode(cursor);
    } catch (ProblemException refused) {
      assertThat(refused.problem().status()).isEqualTo(400);
    }
  }

  @Property
  void aCursorOfAnyTimeTheDatabaseHoldsRoundTrips(
      @ForAll @LongRange(min = -62135596800L, max = 253402300799L) long epochSecond) {
    PageCursor cursor =
        new PageCursor(
            OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC),
            UUID.randomUUID());
    assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Property
  void aCursorHoldingAYearTheDatabaseCannotHoldIsABadRequest(
      @ForAll @IntRange(min = 10_000, max = 999_999_999) int year, @ForAll boolean negative) {
    String time =
        OffsetDateTime.of(negative ? -year : year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toString();
    String cursor =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((time + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> PageCursor.decode(cursor))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
  }

  @Property(tries = 20)
  void anOversizedCursorIsABadRequest(@ForAll @IntRange(min = 201, max = 20_000) int length) {
    assertThatThrownBy(() -> PageCursor.decode("A".repeat(length)))
        .isInstanceOf(ProblemException.class);
  }
}
