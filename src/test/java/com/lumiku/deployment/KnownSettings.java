package com.lumiku.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables something in the project really reads, so that a deployment file cannot
 * set one that nothing reads (a typo is otherwise silently ignored): MicroProfile Config properties
 * named in the main code and the defaults file (an environment variable is the property in upper
 * case with '.' and '-' as '_'), the asadmin files' {@code ${ENV=NAME}}, the variables the scripts
 * in bin/ read, and {@code <NAME>_FILE} for the passwords bin/check-credentials checks.
 */
final class KnownSettings {

  private static final Pattern PROPERTY =
      Pattern.compile("\"(lumiku\\.[a-z0-9.-]+|[A-Z][A-Z0-9_]+)\"");
  private static final Pattern SUFFIX = Pattern.compile("\\+\\s*\"([a-z0-9.-]+)\"");
  private static final Pattern ENV = Pattern.compile("\\$\\{ENV=([A-Z0-9_]+)");
  private static final Pattern SCRIPT_VARIABLE =
      Pattern.compile("\\b(LUMIKU_[A-Z0-9_]+|PAYARA_[A-Z0-9_]+|BROKER_[A-Z0-9_]+)\\b");
  private static final Pattern CHECKED_PASSWORD =
      Pattern.compile("check_password (LUMIKU_[A-Z0-9_]+)");

  private final Set<String> names = new HashSet<>();
  private final Set<String> fromFiles = new HashSet<>();

  KnownSettings() {
    Path base = Path.of(com.lumiku.testing.ProjectScripts.baseDir());
    try (Stream<Path> sources = Files.walk(base.resolve("src/main/java"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> properties(read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    read(base.resolve("src/main/resources/META-INF/microprofile-config.properties"))
        .lines()
        .filter(line -> line.startsWith("lumiku."))
        .forEach(line -> names.add(environmentName(line.substring(0, line.indexOf('=')))));
    try (Stream<Path> files = Files.list(base.resolve("server-config"))) {
      files.filter(p -> p.toString().endsWith(".asadmin")).forEach(p -> all(ENV, read(p), names));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<Path> scripts = Files.list(base.resolve("bin"))) {
      scripts.forEach(p -> all(SCRIPT_VARIABLE, read(p), names));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all(CHECKED_PASSWORD, read(base.resolve("bin/check-credentials")), fromFiles);
  }

  /** Whether something reads this variable. */
  boolean isKnown(String variable) {
    if (variable.endsWith("_FILE")
        && fromFiles.contains(variable.substring(0, variable.length() - 5))) {
      return true;
    }
    return names.contains(variable);
  }

  static String environmentName(String property) {
    return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private void properties(String source) {
    Matcher property = PROPERTY.matcher(source);
    Set<String> prefixes = new HashSet<>();
    while (property.find()) {
      names.add(environmentName(property.group(1)));
      if (property.group(1).endsWith(".")) {
        prefixes.add(property.group(1));
      }
    }
    // Keys made of a prefix constant and a name: KEYS + "endpoint"
    Matcher suffix = SUFFIX.matcher(source);
    while (suffix.find()) {
      for (String prefix : prefixes) {
        names.add(environmentName(prefix + suffix.group(1)));
      }
    }
  }

  private static void all(Pattern pattern, String text, Set<String> into) {
    Matcher found = pattern.matcher(text);
    while (found.find()) {
      into.add(found.group(1));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
