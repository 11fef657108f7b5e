package com.lumiku.avatars.control;

import static com.lumiku.avatars.control.AvatarFixtures.SARI;
import static com.lumiku.avatars.control.AvatarFixtures.SARI_LOOKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.SourceType;
import com.lumiku.avatars.entity.VisualAttributes;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AvatarPromptTest {

  @Test
  void isStoredAsJsonAndReadBackUnchanged() {
    AvatarPrompt prompt =
        new AvatarPrompt(
            UUID.randomUUID(),
            "Merlin \"the wise\"",
            "a wizard\nwith a hat",
            768,
            512,
            SARI,
            SARI_LOOKS,
            SourceType.PRESET,
            UUID.randomUUID());
    assertThat(AvatarPrompt.fromJson(prompt.toJson())).isEqualTo(prompt);
  }

  @Test
  void parametersStoredBeforePersonasReadAsGeneratedFromWords() {
    UUID projectId = UUID.randomUUID();
    AvatarPrompt old =
        AvatarPrompt.fromJson(
            "{\"height\":512,\"name\":\"Old\",\"projectId\":\""
                + projectId
                + "\",\"prompt\":\"a sailor\",\"width\":512}");
    assertThat(old.prompt()).isEqualTo("a sailor");
    assertThat(old.persona()).isEqualTo(Persona.NONE);
    assertThat(old.attributes()).isEqualTo(VisualAttributes.NONE);
    assertThat(old.sourceType()).isEqualTo(SourceType.GENERATED);
    assertThat(old.presetId()).isNull();
  }
}
