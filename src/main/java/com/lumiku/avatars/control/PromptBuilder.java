package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.AgeRange;
import com.lumiku.avatars.entity.AvatarStyle;
import com.lumiku.avatars.entity.BodyType;
import com.lumiku.avatars.entity.Gender;
import com.lumiku.avatars.entity.Persona;
import com.lumiku.avatars.entity.VisualAttributes;
import com.lumiku.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words a model gets for an avatar, built from its persona, its visual attributes and the
 * order's own words, as a text-to-image prompt reads best: what kind of picture of whom
 * ("Professional headshot of Sari, a 27-year-old Javanese woman"), then the look (build, skin,
 * hair, eyes), the expression the personality traits suggest, the persona's background, the order's
 * words, and the style's finish ("studio lighting, neutral backdrop"). An order with words only
 * gets exactly its words, as before personas existed. Pure: the same input always gives the same
 * prompt; the prompt is stored with the avatar and shown with it.
 */
public final class PromptBuilder {

  /** The longest prompt (the size of {@code avatars.prompt}). */
  public static final int MAX_LENGTH = 1000;

  /** Hair styles that say what they are on their own ("bald", "wearing a hijab"). */
  private static final Pattern NAMES_ITS_HAIR =
      Pattern.compile("\\b(hair|bald|hijab|headscarf|turban|shaved)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern BLANKS = Pattern.compile("\\s+");

  private PromptBuilder() {}

  /**
   * The model's prompt.
   *
   * @param text the order's (or preset's) own words, or null
   */
  public static String build(Persona persona, VisualAttributes look, String text) {
    if (persona.isEmpty() && look.isEmpty()) {
      return text == null ? "" : text;
    }
    List<String> parts = new ArrayList<>();
    parts.add(lead(look.style()) + " of " + subject(persona, look));
    if (look.bodyType() != null) {
      parts.add(build(look.bodyType()));
    }
    if (look.skinTone() != null) {
      parts.add(look.skinTone().name().toLowerCase(Locale.ROOT) + " skin tone");
    }
    String hair = hair(look.hairStyle(), look.hairColor());
    if (hair != null) {
      parts.add(hair);
    }
    if (look.eyeColor() != null) {
      parts.add(endsWith(look.eyeColor(), "eyes") ? look.eyeColor() : look.eyeColor() + " eyes");
    }
    if (!persona.personalityTraits().isEmpty()) {
      parts.add(String.join(", ", persona.personalityTraits()) + " expression");
    }
    if (persona.background() != null) {
      parts.add(persona.background());
    }
    if (text != null && !text.isBlank()) {
      parts.add(text);
    }
    parts.add(finish(look.style()));
    String prompt = BLANKS.matcher(String.join(", ", parts)).replaceAll(" ").strip();
    return Character.toUpperCase(prompt.charAt(0)) + prompt.substring(1);
  }

  /**
   * Whether there is anything to draw: the order's words, an attribute, or something about the
   * persona beyond a name.
   */
  public static boolean describesSomething(Persona persona, VisualAttributes look, String text) {
    return (text != null && !text.isBlank()) || !look.isEmpty() || persona.describesSomeone();
  }

  /**
   * The prompt, if there is something to draw and it fits {@link #MAX_LENGTH}; otherwise null, and
   * what is wrong recorded under {@code field}.
   */
  public static String checked(
      Persona persona, VisualAttributes look, String text, String field, List<FieldError> errors) {
    if (!describesSomething(persona, look, text)) {
      errors.add(
          new FieldError(
              field,
              "Describe the avatar: give a prompt, visual attributes, a persona (more than a"
                  + " name) or a preset."));
      return null;
    }
    String prompt = build(persona, look, text);
    if (prompt.length() > MAX_LENGTH) {
      errors.add(
          new FieldError(
              field,
              "With the persona and attributes the model's prompt would be "
                  + prompt.length()
                  + " characters; at most "
                  + MAX_LENGTH
                  + ". Shorten the prompt or the persona's background."));
      return null;
    }
    return prompt;
  }

  private static String lead(AvatarStyle style) {
    if (style == null) {
      return "portrait";
    }
    return switch (style) {
      case REALISTIC -> "photorealistic portrait";
      case PROFESSIONAL -> "professional headshot";
      case CASUAL -> "casual portrait";
      case ARTISTIC -> "painterly portrait";
      case ANIME -> "anime-style portrait";
      case CARTOON -> "cartoon-style portrait";
      case FANTASY -> "fantasy character portrait";
      case SCI_FI -> "sci-fi character portrait";
      case VINTAGE -> "vintage portrait";
    };
  }

  private static String finish(AvatarStyle style) {
    if (style == null) {
      return "high detail";
    }
    return switch (style) {
      case REALISTIC -> "natural light, sharp focus";
      case PROFESSIONAL -> "studio lighting, neutral backdrop";
      case CASUAL -> "soft daylight, relaxed mood";
      case ARTISTIC -> "expressive brushwork, rich colour";
      case ANIME -> "clean line art, cel shading";
      case CARTOON -> "bold outlines, flat colours";
      case FANTASY -> "dramatic lighting, detailed costume";
      case SCI_FI -> "futuristic setting, neon rim light";
      case VINTAGE -> "film grain, faded warm tones";
    };
  }

  /** "Sari, a 27-year-old Javanese woman", "a young adult man", "a person". */
  static String subject(Persona persona, VisualAttributes look) {
    List<String> words = new ArrayList<>();
    if (persona.age() != null) {
      words.add(persona.age() + "-year-old");
    } else if (look.ageRange() != null) {
      words.add(age(look.ageRange()));
    }
    if (look.ethnicity() != null) {
      words.add(look.ethnicity());
    }
    words.add(look.gender() == null ? "person" : noun(look.gender()));
    String described = String.join(" ", words);
    String someone = article(described) + " " + described;
    return persona.name() == null ? someone : persona.name() + ", " + someone;
  }

  private static String age(AgeRange range) {
    return switch (range) {
      case YOUNG_ADULT -> "young adult";
      case ADULT -> "adult";
      case MIDDLE_AGED -> "middle-aged";
      case SENIOR -> "senior";
    };
  }

  private static String noun(Gender gender) {
    return switch (gender) {
      case FEMALE -> "woman";
      case MALE -> "man";
      case NON_BINARY -> "non-binary person";
    };
  }

  private static String build(BodyType body) {
    return switch (body) {
      case SLIM -> "slim build";
      case AVERAGE -> "average build";
      case ATHLETIC -> "athletic build";
      case MUSCULAR -> "muscular build";
      case CURVY -> "curvy figure";
      case PLUS_SIZE -> "plus-size figure";
    };
  }

  /** "black hair, long and wavy"; "black hair"; "long and wavy hair"; "bald". */
  static String hair(String style, String color) {
    if (color == null) {
      if (style == null) {
        return null;
      }
      return NAMES_ITS_HAIR.matcher(style).find() ? style : style + " hair";
    }
    String coloured = endsWith(color, "hair") ? color : color + " hair";
    return style == null ? coloured : coloured + ", " + style;
  }

  /**
   * "a" or "an" as the word is spoken: "an adult", "an 18-year-old", "an 80-year-old", "a
   * European", "a Ukrainian", "an Uzbek". A few words sound otherwise than they are spelled; the
   * prompt reads a little oddly then, which models do not mind.
   */
  static String article(String phrase) {
    String word = phrase.toLowerCase(Locale.ROOT);
    if (Character.isDigit(word.charAt(0))) {
      String number = word.split("\\D", 2)[0];
      return number.equals("8")
              || number.equals("11")
              || number.equals("18")
              || (number.length() == 2 && number.charAt(0) == '8')
          ? "an"
          : "a";
    }
    if (word.startsWith("eu") || word.startsWith("uk") || word.startsWith("one")) {
      return "a";
    }
    if (word.startsWith("u")
        && word.length() > 2
        && !isVowel(word.charAt(1))
        && isVowel(word.charAt(2))) {
      return "a";
    }
    return isVowel(word.charAt(0)) ? "an" : "a";
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  private static boolean endsWith(String words, String last) {
    return words.toLowerCase(Locale.ROOT).endsWith(last);
  }
}
