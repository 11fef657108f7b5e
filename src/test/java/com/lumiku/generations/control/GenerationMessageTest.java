package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

  @Test
  void aBundleTravelsAsAnArrayAndOneJobAsItself() {
    GenerationMessage one = new GenerationMessage(UUID.randomUUID(), UUID.randomUUID(), "t");
    GenerationMessage two = new GenerationMessage(UUID.randomUUID(), UUID.randomUUID(), "t");

    assertThat(GenerationMessage.toJson(List.of(one))).isEqualTo(one.toJson());
    String bundle = GenerationMessage.toJson(List.of(one, two));
    assertThat(bundle).startsWith("[");
    assertThat(GenerationMessage.parseAll(bundle)).containsExactly(one, two);
    assertThat(GenerationMessage.parseAll(one.toJson())).containsExactly(one);
  }

  @Test
  void aBundleEntryWithoutJobNamesItsGenerationsOnlyJob() {
    UUID generation = UUID.randomUUID();
    assertThat(GenerationMessage.parseAll("[{\"generationId\":\"" + generation + "\"}]"))
        .containsExactly(new GenerationMessage(generation, generation, ""));
  }

  @Test
  void refusesWhatIsNotABundle() {
    for (String body : List.of("[]", "[null]", "[{}]", "[1]", "[{\"generationId\":\"nope\"}]")) {
      assertThatThrownBy(() -> GenerationMessage.parseAll(body))
          .as(body)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> GenerationMessage.toJson(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
