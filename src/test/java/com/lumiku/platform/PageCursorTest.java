package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

  @Test
  void roundTripsThroughItsOpaqueForm() {
    PageCursor cursor = new PageCursor(UtcClock.now(), UUID.randomUUID());
    assertThat(cursor.encode()).doesNotContain("|", "=", "/", "+");
    assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void noCursorMeansTheFirstPage() {
    assertThat(PageCursor.decode(null)).isNull();
    assertThat(PageCursor.decode(" ")).isNull();
  }

  @Test
  void aForgedCursorIsABadRequest() {
    assertThatThrownBy(() -> PageCursor.decode("not-a-cursor"))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
  }
}
