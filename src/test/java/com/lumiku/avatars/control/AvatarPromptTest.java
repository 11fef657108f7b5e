package com.lumiku.avatars.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AvatarPromptTest {

  @Test
  void isStoredAsJsonAndReadBackUnchanged() {
    AvatarPrompt prompt =
        new AvatarPrompt(
            UUID.randomUUID(), "Merlin \"the wise\"", "a wizard\nwith a hat", 768, 512);
    assertThat(AvatarPrompt.fromJson(prompt.toJson())).isEqualTo(prompt);
  }
}
