package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class GenerationMessageTest {

  @Test
  void travelsAsSmallJson() {
    GenerationMessage message =
        new GenerationMessage(UUID.randomUUID(), UUID.randomUUID(), "avatar.from-prompt");
    String json = message.toJson();
    assertThat(json)
        .isEqualTo(
            "{\"generationId\":\""
                + message.generationId()
                + "\",\"jobId\":\""
                + message.jobId()
                + "\",\"type\":\"avatar.from-prompt\"}");
    assertThat(GenerationMessage.parse(json)).isEqualTo(message);
  }

  @Test
  void aMessageQueuedBeforeJobsExistedNamesTheGenerationsOnlyJob() {
    UUID generation = UUID.randomUUID();
    assertThat(
            GenerationMessage.parse(
                "{\"generationId\":\"" + generation + "\",\"type\":\"avatar.from-prompt\"}"))
        .isEqualTo(new GenerationMessage(generation, generation, "avatar.from-prompt"));
  }

  @Test
  void refusesWhatIsNotAGenerationMessage() {
    assertThatThrownBy(() -> GenerationMessage.parse("{\"generationId\":\"nope\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GenerationMessage.parse("{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GenerationMessage.parse("not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
