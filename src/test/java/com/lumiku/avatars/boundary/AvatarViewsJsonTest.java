package com.lumiku.avatars.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.avatars.control.AttributeFields;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.platform.JsonDocuments;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalogue's views as clients read them. */
class AvatarViewsJsonTest {

  @Test
  void aPresetSaysWhetherItIsPublicAsPublic() {
    String json =
        JsonDocuments.toJson(
            new AvatarPresetsResource.PresetView(
                UUID.randomUUID(),
                "Anime Hero",
                "animated",
                null,
                "/api/apps/avatar-creator/presets/x/preview.png",
                null,
                new Persona(null, null, List.of("kind"), null),
                new AttributeFields(null, null, null, null, null, null, null, null, "anime"),
                "Anime-style portrait of a person, clean line art, cel shading",
                true,
                3,
                OffsetDateTime.now(),
                OffsetDateTime.now()));
    assertThat(json)
        .contains("\"public\":true")
        .doesNotContain("isPublic")
        .contains("\"attributes\":{\"style\":\"anime\"}")
        .contains("\"personalityTraits\":[\"kind\"]");
    assertThat(json.indexOf("\"modelPrompt\"")).isLessThan(json.indexOf("\"public\""));
  }
}
