package com.lumiku.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an Idempotency-Key may be, and when two requests count as the same. */
public class IdempotencyKeyTest {

  public record Order(String route, String prompt, int width) {}

  @Test
  void aKeyIsOneTo255VisibleAsciiCharacters() {
    for (String good : new String[] {"a", UUID.randomUUID().toString(), "~".repeat(255), "x!#$"}) {
      assertThatCode(() -> IdempotencyKey.requireValid(good)).as(good).doesNotThrowAnyException();
    }
    for (String bad : new String[] {"", "x".repeat(256), "with space", "tab\t", "é", "line\n"}) {
      assertThatThrownBy(() -> IdempotencyKey.requireValid(bad))
          .as(bad)
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }
  }

  @Test
  void theSameRequestHasTheSameFingerprintAndAnyDifferenceChangesIt() {
    String first = IdempotencyKey.fingerprint(new Order("POST /a", "a sailor", 512));
    assertThat(IdempotencyKey.fingerprint(new Order("POST /a", "a sailor", 512)))
        .isEqualTo(first)
        .hasSize(64)
        .matches("[0-9a-f]+");
    assertThat(IdempotencyKey.fingerprint(new Order("POST /a", "a sailor", 640)))
        .isNotEqualTo(first);
    assertThat(IdempotencyKey.fingerprint(new Order("POST /b", "a sailor", 512)))
        .isNotEqualTo(first);
    assertThat(IdempotencyKey.fingerprint(new Order("POST /a", "a Sailor", 512)))
        .isNotEqualTo(first);
  }
}
