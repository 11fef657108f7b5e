package com.lumiku.generations.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a failure tells its owner and what it keeps for operators. */
class GenerationErrorTest {

  @Test
  void codesAreStableSlugs() {
    assertThat(new GenerationError("model-busy", "Busy.", null).code()).isEqualTo("model-busy");
    for (String bad : new String[] {"", "Model", "two words", "-x", "x-", "a".repeat(41)}) {
      assertThatThrownBy(() -> new GenerationError(bad, "m", null))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void longTextIsShortenedToWhatTheColumnsHold() {
    GenerationError error = new GenerationError("x", "m".repeat(600), "d".repeat(5000));
    assertThat(error.message()).hasSize(500).endsWith("...");
    assertThat(error.detail()).hasSize(4000).endsWith("...");
    assertThat(new GenerationError("x", " ", null).message()).isEqualTo("It failed.");
  }

  @Test
  void givingUpKeepsTheLastAttemptsReasonForBoth() {
    GenerationError last = new GenerationError("model-busy", "The service is busy.", "HTTP 429");
    GenerationError gaveUp = GenerationError.gaveUp(3, last);
    assertThat(gaveUp.code()).isEqualTo("gave-up");
    assertThat(gaveUp.message()).isEqualTo("Gave up after 3 attempts. The service is busy.");
    assertThat(gaveUp.detail()).isEqualTo("HTTP 429");
    assertThat(GenerationError.gaveUp(1, null).message()).isEqualTo("Gave up after 1 attempt.");
    assertThat(GenerationError.gaveUp(0, null).message())
        .as("a message that expired before any attempt")
        .isEqualTo("It could not be started in time.");
  }

  @Test
  void theSweepersVerdictNamesTheDeadline() {
    assertThat(GenerationError.timedOut(Duration.ofMinutes(10)).message())
        .startsWith("No result within 10 minutes");
    assertThat(GenerationError.timedOut(Duration.ofSeconds(90)).message())
        .startsWith("No result within 90 seconds");
  }

  @Test
  void theGenericMessageRevealsNothing() {
    GenerationError unexpected =
        GenerationError.unexpected("PSQLException: INSERT INTO avatars (id) VALUES (?)");
    assertThat(unexpected.message()).doesNotContainIgnoringCase("insert");
    assertThat(unexpected.detail()).contains("INSERT INTO avatars");
  }
}
