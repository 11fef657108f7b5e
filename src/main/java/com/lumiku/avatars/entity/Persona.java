package com.lumiku.avatars.entity;

import java.util.List;

/**
 * Who an avatar is: its persona's name, age, personality traits and background story. Any part may
 * be missing. A value: avatars keep their own copy, presets hold one as a template, persona
 * examples suggest one.
 *
 * @param name what the persona is called (not necessarily the avatar's name)
 * @param age in years, 18 to 100 (avatars are of adults)
 * @param personalityTraits short words or phrases, e.g. "curious"; never null
 * @param background a sentence or two of the persona's story
 */
public record Persona(String name, Integer age, List<String> personalityTraits, String background) {

  public static final Persona NONE = new Persona(null, null, List.of(), null);

  public Persona {
    personalityTraits = personalityTraits == null ? List.of() : List.copyOf(personalityTraits);
  }

  public boolean isEmpty() {
    return name == null && !describesSomeone();
  }

  /**
   * Whether it says anything about how the avatar looks or comes across (a name alone does not).
   */
  public boolean describesSomeone() {
    return age != null || !personalityTraits.isEmpty() || background != null;
  }
}
