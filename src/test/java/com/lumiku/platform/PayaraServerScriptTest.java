package com.lumiku.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.ProjectScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Payara Server's domain script and Payara Micro's boot commands create the same pools, resources
 * and resource adapter configuration, option for option: the two servers are set up by two files
 * (Payara Server's listeners, secrets and placeholders differ), and this keeps a pool tuned in one
 * from silently differing in the other. Placeholders compare by their default; passwords (an
 * environment variable in one, a password alias in the other) are left out.
 */
class PayaraServerScriptTest {

  private static final Set<String> RESOURCE_COMMANDS =
      Set.of(
          "create-jdbc-connection-pool",
          "create-jdbc-resource",
          "create-resource-adapter-config",
          "create-connector-connection-pool",
          "create-connector-resource");

  /** ${ENV=NAME:default} in any escaping ('\=' or '\\='), or ${ALIAS=name}. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(?:ENV\\\\*=[A-Za-z0-9_]+(?:\\\\*:([^}]*))?|ALIAS\\\\*=[^}]*)}");

  @Test
  void theServerDomainCreatesTheResourcesOfPayaraMicroWithTheSameSettings() throws IOException {
    Map<String, Map<String, String>> micro = new TreeMap<>();
    micro.putAll(resources("server-config/pre-boot-commands.asadmin"));
    micro.putAll(resources("server-config/post-boot-commands.asadmin"));
    Map<String, Map<String, String>> server =
        resources("server-config/payara-server-domain.asadmin");

    assertThat(micro).containsKeys("create-jdbc-connection-pool lumiku-db-pool");
    assertThat(server).isEqualTo(micro);
  }

  /** Each resource command, by command and name: its options and properties, normalised. */
  private static Map<String, Map<String, String>> resources(String file) throws IOException {
    Map<String, Map<String, String>> resources = new TreeMap<>();
    List<String> lines = Files.readAllLines(Path.of(ProjectScripts.baseDir(), file));
    for (String line : lines) {
      String[] words = line.strip().split("\\s+");
      if (!RESOURCE_COMMANDS.contains(words[0])) {
        continue;
      }
      Map<String, String> settings = new LinkedHashMap<>();
      for (int i = 1; i < words.length - 1; i += 2) {
        if (words[i].equals("--property")) {
          settings.putAll(properties(words[i + 1]));
        } else {
          settings.put(words[i], words[i + 1]);
        }
      }
      resources.put(words[0] + " " + words[words.length - 1], new TreeMap<>(settings));
    }
    return resources;
  }

  private static Map<String, String> properties(String list) {
    Matcher placeholders = PLACEHOLDER.matcher(list);
    StringBuilder defaults = new StringBuilder();
    while (placeholders.find()) {
      String fallback = placeholders.group(1) == null ? "" : placeholders.group(1);
      placeholders.appendReplacement(defaults, Matcher.quoteReplacement(fallback));
    }
    placeholders.appendTail(defaults);
    Map<String, String> properties = new TreeMap<>();
    for (String property : defaults.toString().split("(?<!\\\\):")) {
      String[] pair = property.split("(?<!\\\\)=", 2);
      if (!pair[0].equalsIgnoreCase("password")) {
        properties.put(pair[0], pair[1].replaceAll("\\\\+([=:])", "$1"));
      }
    }
    return properties;
  }
}
