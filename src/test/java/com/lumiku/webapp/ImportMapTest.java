package com.lumiku.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web app loads its libraries as ES modules from WebJars through the import map in index.html.
 * A version bumped in the pom but not in the map (or the other way round), or a library that starts
 * importing a package the map does not name, would break the page only in a browser; this test
 * finds it at build time: every module the page can load, starting from its own scripts and
 * following every import (of ours and of the libraries), must resolve through the map to a file in
 * the WebJars on the class path (the WAR's WEB-INF/lib, served at /webjars/) or under
 * src/main/webapp.
 */
class ImportMapTest {

  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final String WEBJARS = "/webjars/";

  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  /** Static imports and re-exports ({@code from"x"}), bare imports and dynamic ones. */
  private static final Pattern SPECIFIER =
      Pattern.compile("(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)[\"']([^\"'\\s]+)[\"']");

  @Test
  void everyMappedFileIsInTheWebJars() throws IOException {
    Map<String, String> imports = importMap();
    assertThat(imports).containsKeys("lit", "lit/", "lit-html", "@lit/reactive-element");
    for (Map.Entry<String, String> entry : imports.entrySet()) {
      String target = entry.getValue();
      assertThat(target).as(entry.getKey()).startsWith(WEBJARS);
      if (!target.endsWith("/")) {
        assertThat(exists(target)).as("%s -> %s", entry.getKey(), target).isTrue();
      }
    }
  }

  @Test
  void everyImportOfThePageResolves() throws IOException {
    Map<String, String> imports = importMap();
    Deque<String> toRead = new ArrayDeque<>();
    try (Stream<Path> files = Files.walk(WEBAPP.resolve("js"))) {
      files
          .filter(f -> f.toString().endsWith(".js"))
          .forEach(f -> toRead.add("/" + WEBAPP.relativize(f).toString().replace('\\', '/')));
    }
    toRead.addAll(imports.values().stream().filter(v -> !v.endsWith("/")).toList());
    assertThat(toRead).contains("/js/app.js");
    Set<String> read = new HashSet<>();
    List<String> unresolved = new ArrayList<>();
    while (!toRead.isEmpty()) {
      String module = toRead.pop();
      if (!read.add(module)) {
        continue;
      }
      if (!exists(module)) {
        unresolved.add(module + " does not exist");
        continue;
      }
      Matcher matcher = SPECIFIER.matcher(source(module));
      while (matcher.find()) {
        String specifier = matcher.group(1);
        String resolved = resolve(module, specifier, imports);
        if (resolved == null || !exists(resolved)) {
          unresolved.add(module + " imports " + specifier + " -> " + resolved);
        } else {
          toRead.add(resolved);
        }
      }
    }
    assertThat(unresolved).isEmpty();
    assertThat(read)
        .contains(
            "/webjars/lit-html/3.2.1/lit-html.js".replace("3.2.1", version(imports, "lit-html")));
  }

  private static String version(Map<String, String> imports, String name) {
    return imports.get(name).split("/")[3];
  }

  /** What the browser loads for an import in a module at {@code from} (both paths of the site). */
  private static String resolve(String from, String specifier, Map<String, String> imports) {
    if (specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/")) {
      return URI.create(from).resolve(specifier).toString();
    }
    if (imports.containsKey(specifier)) {
      return imports.get(specifier);
    }
    String prefix = null;
    for (String key : imports.keySet()) {
      if (key.endsWith("/")
          && specifier.startsWith(key)
          && (prefix == null || key.length() > prefix.length())) {
        prefix = key;
      }
    }
    return prefix == null ? null : imports.get(prefix) + specifier.substring(prefix.length());
  }

  private static boolean exists(String sitePath) throws IOException {
    if (sitePath.startsWith(WEBJARS)) {
      return ImportMapTest.class.getClassLoader().getResource(resourceOf(sitePath)) != null;
    }
    return Files.isRegularFile(WEBAPP.resolve(sitePath.substring(1)));
  }

  private static String source(String sitePath) throws IOException {
    if (sitePath.startsWith(WEBJARS)) {
      try (InputStream in =
          ImportMapTest.class.getClassLoader().getResourceAsStream(resourceOf(sitePath))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return Files.readString(WEBAPP.resolve(sitePath.substring(1)));
  }

  /** Servlet containers serve a jar's META-INF/resources/x at /x. */
  private static String resourceOf(String sitePath) {
    return "META-INF/resources" + sitePath;
  }

  private static Map<String, String> importMap() throws IOException {
    Matcher matcher = IMPORT_MAP.matcher(Files.readString(WEBAPP.resolve("index.html")));
    assertThat(matcher.find()).as("index.html has an import map").isTrue();
    JsonObject map = Json.createReader(new StringReader(matcher.group(1))).readObject();
    Map<String, String> imports = new LinkedHashMap<>();
    map.getJsonObject("imports")
        .forEach((key, value) -> imports.put(key, ((JsonString) value).getString()));
    return imports;
  }
}
