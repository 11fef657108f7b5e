package com.lumiku.platform;

/** Small text rules shared by features. */
public final class Texts {

  private Texts() {}

  /** The text, or its first {@code length - 3} characters and "..." when it is longer than that. */
  public static String abbreviate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 3) + "...";
  }
}
