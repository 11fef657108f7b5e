package com.lumiku.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The colours the local generator reads from a prompt, and draws. */
class PromptColoursTest {

  private static final String SARI =
      "Professional headshot of Sari, a 27-year-old Javanese woman, tan skin tone, dark brown"
          + " hair, long and wavy, green eyes, studio lighting";

  @Test
  void theColourRightBeforeItsNounCounts() {
    assertThat(PromptColours.hair(SARI)).contains(PromptColours.hair("dark brown hair").get());
    assertThat(PromptColours.hair(SARI)).isNotEqualTo(PromptColours.hair("brown hair"));
    assertThat(PromptColours.hair("light brown hair"))
        .isNotEqualTo(PromptColours.hair("brown hair"));
    assertThat(PromptColours.eyes(SARI)).contains(PromptColours.hair("green hair").get());
    assertThat(PromptColours.skin(SARI)).isPresent();
    assertThat(PromptColours.hair("Copper Red Hair"))
        .contains(PromptColours.hair("red hair").get());
  }

  @Test
  void otherPhrasesAndUnknownWordsNameNothing() {
    assertThat(PromptColours.hair("a black cat, long hair")).isEmpty();
    assertThat(PromptColours.hair("a friendly wizard with a blue hat")).isEmpty();
    assertThat(PromptColours.eyes("magenta eyes")).isEmpty();
    assertThat(PromptColours.skin("a robot")).isEmpty();
    assertThat(PromptColours.hair("redhair")).isEmpty();
  }

  @Test
  void thePortraitHasTheNamedColours() {
    BufferedImage portrait =
        LocalImageGenerator.picture(new ImageRequest("deep skin tone", 256, 256));
    Color skin = PromptColours.skin("deep skin").get();
    int centre = portrait.getRGB(128, (int) (256 * 0.22 + 256 * 0.33 * 0.8)) & 0xffffff;
    assertThat(centre).isEqualTo(skin.getRGB() & 0xffffff);
  }
}
