package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.AgeRange;
import com.lumiku.avatars.entity.AvatarStyle;
import com.lumiku.avatars.entity.BodyType;
import com.lumiku.avatars.entity.Gender;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.SkinTone;
import com.lumiku.avatars.entity.VisualAttributes;
import java.util.List;

/** A persona and a look to build prompts and orders from, in the tests. */
final class AvatarFixtures {

  static final Persona SARI =
      new Persona("Sari", 27, List.of("confident", "warm"), "Marketing lead at a Jakarta startup");

  static final VisualAttributes SARI_LOOKS =
      new VisualAttributes(
          Gender.FEMALE,
          AgeRange.YOUNG_ADULT,
          "Javanese",
          BodyType.ATHLETIC,
          "long and wavy",
          "black",
          "brown",
          SkinTone.TAN,
          AvatarStyle.PROFESSIONAL);

  private AvatarFixtures() {}

  /** Attributes with only the given gender and style. */
  static VisualAttributes looks(Gender gender, AvatarStyle style) {
    return new VisualAttributes(gender, null, null, null, null, null, null, null, style);
  }
}
