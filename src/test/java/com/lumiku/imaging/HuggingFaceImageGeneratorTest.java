package com.lumiku.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What is sent to the Hugging Face text-to-image API for a request. */
class HuggingFaceImageGeneratorTest {

  @Test
  void sendsThePromptAndTheSizeAndNoSeedUnlessAsked() {
    JsonObject body = HuggingFaceImageGenerator.body(new ImageRequest("a sailor", 512, 384));
    assertThat(body.getString("inputs")).isEqualTo("a sailor");
    JsonObject parameters = body.getJsonObject("parameters");
    assertThat(parameters.getInt("width")).isEqualTo(512);
    assertThat(parameters.getInt("height")).isEqualTo(384);
    assertThat(parameters.containsKey("seed")).isFalse();
  }

  @Test
  void sendsTheSeedWhenTheRequestHasOne() {
    JsonObject body =
        HuggingFaceImageGenerator.body(
            new ImageRequest("a sailor", 512, 512, 1234567890123L, null));
    assertThat(body.getJsonObject("parameters").getJsonNumber("seed").longValueExact())
        .isEqualTo(1234567890123L);
  }

  @Test
  void aGuidedRequestIsSentAsTextToImageOnly() {
    PoseGuide guide = GuideFixtures.guide(GuideFixtures.STANDING, "a beach");
    JsonObject body =
        HuggingFaceImageGenerator.body(
            new ImageRequest("a woman, both arms raised, on a beach", 512, 512, 7L, guide));
    assertThat(body.keySet()).containsExactlyInAnyOrder("inputs", "parameters");
    assertThat(body.getString("inputs")).isEqualTo("a woman, both arms raised, on a beach");
    assertThat(body.getJsonObject("parameters").keySet())
        .containsExactlyInAnyOrder("width", "height", "seed");
  }
}
