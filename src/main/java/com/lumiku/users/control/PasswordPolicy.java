package com.lumiku.users.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: at least {@code lumiku.auth.password-min-length} characters (code
 * points) and none of the commonly used passwords shipped in {@code common-passwords.txt} (compared
 * in lower case, so "Password1234" counts as "password1234"). Each refusal names its rule.
 */
public final class PasswordPolicy {

  private static final Set<String> COMMON = load();

  private final int minLength;

  public PasswordPolicy(int minLength) {
    this.minLength = minLength;
  }

  /** Why the password is refused, or empty if it is acceptable. */
  public Optional<String> violation(String password) {
    if (password == null || password.codePointCount(0, password.length()) < minLength) {
      return Optional.of("must be at least " + minLength + " characters long");
    }
    if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of("is one of the most commonly used passwords; choose another");
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the application");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
