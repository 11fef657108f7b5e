package com.lumiku.imaging;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few words of a prompt the local generator understands: the colour named right before "hair",
 * "eyes" or "skin" ("long black hair", "green eyes", "tan skin tone"), so a portrait ordered with
 * such words, or a preset's preview, shows them. Only the words of the same phrase count (up to the
 * comma before), and the last colour named there wins, the longest name where two end together
 * ("dark brown" is dark brown, not brown).
 */
final class PromptColours {

  private static final Map<String, Color> HAIR = new LinkedHashMap<>();
  private static final Map<String, Color> SKIN = new LinkedHashMap<>();

  static {
    HAIR.put("black", new Color(0x1c, 0x1a, 0x1a));
    HAIR.put("dark brown", new Color(0x3b, 0x2a, 0x20));
    HAIR.put("brown", new Color(0x5a, 0x3e, 0x2b));
    HAIR.put("light brown", new Color(0x8a, 0x62, 0x42));
    HAIR.put("sandy brown", new Color(0xb0, 0x8d, 0x62));
    HAIR.put("chestnut", new Color(0x6e, 0x35, 0x1f));
    HAIR.put("auburn", new Color(0x8c, 0x3a, 0x1e));
    HAIR.put("copper", new Color(0xb8, 0x5c, 0x2c));
    HAIR.put("ginger", new Color(0xc8, 0x6a, 0x2e));
    HAIR.put("red", new Color(0xa8, 0x2b, 0x20));
    HAIR.put("orange", new Color(0xe0, 0x7a, 0x1f));
    HAIR.put("blond", new Color(0xd9, 0xbb, 0x74));
    HAIR.put("blonde", new Color(0xd9, 0xbb, 0x74));
    HAIR.put("platinum", new Color(0xe8, 0xe0, 0xc8));
    HAIR.put("golden", new Color(0xd4, 0xa3, 0x3c));
    HAIR.put("grey", new Color(0x9a, 0x9a, 0x9a));
    HAIR.put("gray", new Color(0x9a, 0x9a, 0x9a));
    HAIR.put("silver", new Color(0xc8, 0xcb, 0xd0));
    HAIR.put("white", new Color(0xee, 0xee, 0xea));
    HAIR.put("blue", new Color(0x2f, 0x6f, 0xd0));
    HAIR.put("teal", new Color(0x1f, 0x90, 0x8c));
    HAIR.put("green", new Color(0x3c, 0x8f, 0x4a));
    HAIR.put("hazel", new Color(0x8e, 0x76, 0x3c));
    HAIR.put("amber", new Color(0xc8, 0x8a, 0x22));
    HAIR.put("pink", new Color(0xe8, 0x8c, 0xb4));
    HAIR.put("purple", new Color(0x7a, 0x3c, 0xa8));
    HAIR.put("violet", new Color(0x8a, 0x5c, 0xd0));

    SKIN.put("fair", new Color(0xf3, 0xd9, 0xc6));
    SKIN.put("light", new Color(0xe8, 0xc4, 0xa6));
    SKIN.put("medium", new Color(0xc9, 0x9a, 0x74));
    SKIN.put("olive", new Color(0xb8, 0x94, 0x6a));
    SKIN.put("tan", new Color(0xb3, 0x7e, 0x55));
    SKIN.put("brown", new Color(0x8d, 0x5a, 0x3b));
    SKIN.put("dark", new Color(0x6b, 0x43, 0x2c));
    SKIN.put("deep", new Color(0x4a, 0x2e, 0x20));
  }

  private PromptColours() {}

  /** The hair colour the prompt names, if it names one. */
  static Optional<Color> hair(String prompt) {
    return named(prompt, "hair", HAIR);
  }

  /** The eye colour the prompt names (eyes take hair's colour words), if it names one. */
  static Optional<Color> eyes(String prompt) {
    return named(prompt, "eyes", HAIR);
  }

  /** The skin tone the prompt names, if it names one. */
  static Optional<Color> skin(String prompt) {
    return named(prompt, "skin", SKIN);
  }

  private static Optional<Color> named(String prompt, String noun, Map<String, Color> colours) {
    Matcher phrase =
        Pattern.compile("([^,.;]*)\\b" + noun + "\\b").matcher(prompt.toLowerCase(Locale.ROOT));
    if (!phrase.find()) {
      return Optional.empty();
    }
    String words = " " + phrase.group(1).strip() + " ";
    Color found = null;
    int foundEnd = -1;
    int foundLength = 0;
    for (Map.Entry<String, Color> colour : colours.entrySet()) {
      String name = colour.getKey();
      int at = words.lastIndexOf(" " + name + " ");
      int end = at + name.length();
      if (at >= 0 && (end > foundEnd || (end == foundEnd && name.length() > foundLength))) {
        found = colour.getValue();
        foundEnd = end;
        foundLength = name.length();
      }
    }
    return Optional.ofNullable(found);
  }
}
