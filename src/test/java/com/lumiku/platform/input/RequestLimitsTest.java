package com.lumiku.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A body without (or with a false) Content-Length is cut off at the limit as it is read. */
class RequestLimitsTest {

  @Property
  void aBodyUpToTheLimitIsReadWhole(
      @ForAll @IntRange(max = 5000) int size, @ForAll @IntRange(max = 5000) int extra)
      throws IOException {
    byte[] body = new byte[size];
    InputStream limited = new RequestLimits.Limited(new ByteArrayInputStream(body), size + extra);
    assertThat(limited.readAllBytes()).hasSize(size);
  }

  @Property
  void aBodyOverTheLimitFailsWith413WhileBeingRead(
      @ForAll @IntRange(max = 5000) int limit, @ForAll @IntRange(min = 1, max = 5000) int over) {
    InputStream limited =
        new RequestLimits.Limited(new ByteArrayInputStream(new byte[limit + over]), limit);
    assertThatThrownBy(limited::readAllBytes)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
  }

  @Property(tries = 50)
  void byteByByteReadingIsCountedToo(@ForAll @IntRange(max = 300) int limit) throws IOException {
    InputStream limited =
        new RequestLimits.Limited(new ByteArrayInputStream(new byte[limit + 1]), limit);
    for (int i = 0; i < limit; i++) {
      assertThat(limited.read()).isZero();
    }
    assertThatThrownBy(limited::read).isInstanceOf(ProblemException.class);
  }
}
