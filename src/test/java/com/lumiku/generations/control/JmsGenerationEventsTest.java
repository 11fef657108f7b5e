package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.JsonDocuments;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JmsGenerationEventsTest {

  @Test
  void aBatchOfChangesTravelsAsOneArrayAndComesBackInOrder() {
    List<GenerationChanged> changes =
        IntStream.range(0, JmsGenerationEvents.PER_MESSAGE)
            .mapToObj(
                i ->
                    new GenerationChanged(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        i % 3 == 0 ? List.of(UUID.randomUUID(), UUID.randomUUID()) : List.of()))
            .toList();

    String body = JmsGenerationEvents.body(changes);

    assertThat(body).startsWith("[");
    assertThat(JmsGenerationEvents.changes(body)).containsExactlyElementsOf(changes);
  }

  @Test
  void oneChangeAloneIsReadToo() {
    // What an instance of the version before batches sends, during a rolling update.
    GenerationChanged change =
        new GenerationChanged(UUID.randomUUID(), UUID.randomUUID(), List.of(UUID.randomUUID()));

    assertThat(JmsGenerationEvents.changes(JsonDocuments.toJson(change))).containsExactly(change);
  }

  @Test
  void aChangeWithoutEndedJobsHasAnEmptyList() {
    UUID generation = UUID.randomUUID();

    List<GenerationChanged> read =
        JmsGenerationEvents.changes("[{\"generationId\":\"" + generation + "\"}]");

    assertThat(read).containsExactly(new GenerationChanged(generation, null, List.of()));
  }

  @Test
  void aBodyThatIsNotChangesIsRefused() {
    assertThatThrownBy(() -> JmsGenerationEvents.changes("announce"))
        .isInstanceOf(RuntimeException.class);
  }
}
