package com.lumiku.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lumiku.testing.ProjectScripts;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files checked without a Docker engine (none runs on the development machines):
 * compose.yaml against the Compose Specification's schema, as `docker compose config` would, and
 * both files against the rules that keep an XA deployment safe: one transaction log per instance
 * that outlives its container, a database that accepts prepared transactions, passwords only as
 * secrets, health checks, non-root users, and a stop grace longer than the application's own.
 */
class ContainerFilesTest {

  private static final Path BASE = Path.of(ProjectScripts.baseDir());
  private static final String TX_LOG = "/var/lib/lumiku/payara/txlog";

  // ---- compose.yaml ----

  @Test
  void composeFileFollowsTheComposeSpecification() {
    assertThat(composeSchema().validate(compose())).isEmpty();
  }

  /** The schema check itself catches a mistake, so the test above can fail. */
  @Test
  void theSchemaRefusesAnUnknownServiceKey() {
    JsonNode broken = compose().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("services").get("broker"))
        .put("stop_grace", "30s");
    Set<ValidationMessage> messages = composeSchema().validate(broken);
    assertThat(messages)
        .extracting(ValidationMessage::getMessage)
        .anyMatch(m -> m.contains("stop_grace"));
  }

  @Test
  void eachApplicationInstanceHasItsOwnServerNameAndTransactionLogVolume() {
    Map<String, JsonNode> instances = applicationInstances();
    assertThat(instances).as("application instances").hasSizeGreaterThanOrEqualTo(2);

    Set<String> names = new HashSet<>();
    Map<String, String> logVolumeOwners = new HashMap<>();
    for (Map.Entry<String, JsonNode> instance : instances.entrySet()) {
      String name = instance.getValue().path("environment").path("LUMIKU_TX_SERVER_NAME").asText();
      assertThat(name).as(instance.getKey() + " LUMIKU_TX_SERVER_NAME").isNotBlank();
      assertThat(names.add(name)).as("server name " + name + " used twice").isTrue();

      String logVolume = volumeMountedAt(instance.getValue(), TX_LOG);
      assertThat(logVolume).as(instance.getKey() + ": a named volume at " + TX_LOG).isNotNull();
      assertThat(compose().path("volumes").has(logVolume)).as(logVolume + " declared").isTrue();
      assertThat(logVolumeOwners.put(logVolume, instance.getKey()))
          .as(logVolume + " shared by two instances")
          .isNull();
    }
  }

  @Test
  void theDatabaseAcceptsPreparedTransactions() {
    String command = compose().path("services").path("postgres").path("command").toString();
    Matcher prepared = Pattern.compile("max_prepared_transactions=(\\d+)").matcher(command);
    assertThat(prepared.find()).as("postgres command sets max_prepared_transactions").isTrue();
    assertThat(Integer.parseInt(prepared.group(1))).isPositive();
  }

  @Test
  void passwordsComeOnlyFromSecretsFedByTheEnvironment() {
    JsonNode secrets = compose().path("secrets");
    assertThat(secrets.size()).isPositive();
    secrets
        .fields()
        .forEachRemaining(
            secret ->
                assertThat(secret.getValue().path("environment").asText())
                    .as("secret " + secret.getKey() + " from the environment")
                    .matches("LUMIKU_[A-Z_]+"));
    forEachVariable(
        (service, variable) -> {
          if (variable.getKey().contains("PASSWORD")) {
            assertThat(variable.getKey())
                .as(service + ": a password variable names a file")
                .endsWith("_FILE");
            assertThat(variable.getValue().asText()).startsWith("/run/secrets/");
          }
        });
  }

  /** A misspelt variable would be ignored silently: each one must be one the project reads. */
  @Test
  void everyVariableSetForTheProjectsImagesIsOneTheyRead() {
    KnownSettings known = new KnownSettings();
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              if (service.getValue().has("build")) {
                JsonNode environment = service.getValue().path("environment");
                assertThat(environment.isObject())
                    .as(service.getKey() + " environment as a map")
                    .isTrue();
                environment
                    .fieldNames()
                    .forEachRemaining(
                        name ->
                            assertThat(known.isKnown(name))
                                .as(service.getKey() + ": " + name)
                                .isTrue());
              }
            });
    for (String stage : List.of("app", "broker")) {
      for (Instruction env : dockerfile().stages().get(stage)) {
        if (env.keyword().equals("ENV")) {
          Matcher variable = Pattern.compile("([A-Z][A-Z0-9_]+)=").matcher(env.arguments());
          while (variable.find()) {
            assertThat(known.isKnown(variable.group(1)))
                .as(stage + " ENV " + variable.group(1))
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void eachSecretFileAServiceReadsIsOneItIsGiven() {
    forEachVariable(
        (service, variable) -> {
          String value = variable.getValue().asText();
          if (value.startsWith("/run/secrets/")) {
            Set<String> given = new HashSet<>();
            compose()
                .path("services")
                .path(service)
                .path("secrets")
                .forEach(s -> given.add(s.asText()));
            assertThat(given)
                .as(service + " " + variable.getKey())
                .contains(value.substring("/run/secrets/".length()));
          }
        });
  }

  @Test
  void everyServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              assertThat(service.getValue().path("healthcheck").path("test").isArray())
                  .as(service.getKey() + " healthcheck")
                  .isTrue();
              service
                  .getValue()
                  .path("depends_on")
                  .fields()
                  .forEachRemaining(
                      dependency ->
                          assertThat(dependency.getValue().path("condition").asText())
                              .as(service.getKey() + " waits for " + dependency.getKey())
                              .isEqualTo("service_healthy"));
            });
  }

  @Test
  void composeGivesTheApplicationLongerThanItsOwnStopGrace() {
    Duration grace = Duration.parse(defaultSetting("lumiku.stop.grace"));
    applicationInstances()
        .forEach(
            (name, service) ->
                assertThat(composeDuration(service.path("stop_grace_period").asText("10s")))
                    .as(name + " stop_grace_period")
                    .isGreaterThan(grace));
  }

  @Test
  void composeBuildsStagesTheDockerfileHas() {
    Set<String> stages = dockerfile().stages().keySet();
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              JsonNode target = service.getValue().path("build").path("target");
              if (!target.isMissingNode()) {
                assertThat(stages).as(service.getKey() + " build target").contains(target.asText());
              }
            });
  }

  // ---- Dockerfile ----

  @Test
  void theImagesRunAsUnprivilegedUsersWithHealthChecks() {
    Dockerfile file = dockerfile();
    for (String stage : List.of("app", "broker")) {
      List<Instruction> instructions = file.stages().get(stage);
      assertThat(instructions).as("stage " + stage).isNotNull();
      String user = last(instructions, "USER");
      // By number: Kubernetes checks runAsNonRoot only against a numeric user.
      assertThat(user)
          .as(stage + " USER, a numeric user other than root")
          .matches("[1-9][0-9]*(:[0-9]+)?");
      assertThat(last(instructions, "HEALTHCHECK")).as(stage + " HEALTHCHECK").contains("CMD [");
      assertThat(last(instructions, "ENTRYPOINT"))
          .as(stage + " ENTRYPOINT, exec form")
          .startsWith("[");
    }
    assertThat(file.lastStage()).as("the default image").isEqualTo("app");
  }

  @Test
  void everyFileTheImagesCopyFromTheProjectExists() {
    Set<String> ignored = dockerIgnored();
    for (Map.Entry<String, List<Instruction>> stage : dockerfile().stages().entrySet()) {
      for (Instruction copy : stage.getValue()) {
        if (!copy.keyword().equals("COPY") || copy.arguments().startsWith("--from")) {
          continue;
        }
        List<String> words =
            Stream.of(copy.arguments().split("\\s+")).filter(w -> !w.startsWith("--")).toList();
        for (String source : words.subList(0, words.size() - 1)) {
          assertThat(BASE.resolve(source)).as(stage.getKey() + ": COPY " + source).exists();
          assertThat(ignored).as(source + " excluded by .dockerignore").doesNotContain(source);
        }
      }
    }
  }

  @Test
  void theEntrypointsAndHealthChecksRunScriptsTheImagesContain() {
    Dockerfile file = dockerfile();
    for (String stage : List.of("app", "broker")) {
      List<Instruction> instructions = file.stages().get(stage);
      String copied =
          instructions.stream()
              .filter(i -> i.keyword().equals("COPY"))
              .map(Instruction::arguments)
              .collect(Collectors.joining("\n"));
      Matcher scripts =
          Pattern.compile("/opt/lumiku/bin/([\\w-]+)")
              .matcher(last(instructions, "ENTRYPOINT") + " " + last(instructions, "HEALTHCHECK"));
      while (scripts.find()) {
        assertThat(copied)
            .as(stage + " copies bin/" + scripts.group(1))
            .contains("bin/" + scripts.group(1));
      }
    }
  }

  // ---- reading the files ----

  record Instruction(String keyword, String arguments) {}

  record Dockerfile(Map<String, List<Instruction>> stages, String lastStage) {}

  /** The Dockerfile's instructions per stage, continuation lines joined, comments dropped. */
  static Dockerfile dockerfile() {
    return Parsed.DOCKERFILE;
  }

  private static Dockerfile parseDockerfile() {
    Map<String, List<Instruction>> stages = new HashMap<>();
    String stage = null;
    StringBuilder logical = new StringBuilder();
    List<String> lines = new ArrayList<>();
    for (String line : read("Dockerfile").split("\n")) {
      if (line.startsWith("#") || (logical.length() == 0 && line.isBlank())) {
        continue;
      }
      logical.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!line.endsWith("\\")) {
        lines.add(logical.toString().trim());
        logical.setLength(0);
      }
    }
    for (String line : lines) {
      String[] parts = line.split("\\s+", 2);
      Instruction instruction =
          new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
      if (instruction.keyword().equals("FROM")) {
        Matcher named = Pattern.compile("(?i)\\sAS\\s+(\\S+)$").matcher(instruction.arguments());
        assertThat(named.find()).as("every stage is named: " + line).isTrue();
        stage = named.group(1);
        stages.put(stage, new ArrayList<>());
      }
      stages.get(stage).add(instruction);
    }
    return new Dockerfile(stages, stage);
  }

  private static String last(List<Instruction> instructions, String keyword) {
    String found = null;
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals(keyword)) {
        found = instruction.arguments();
      }
    }
    return found;
  }

  private static Set<String> dockerIgnored() {
    return read(".dockerignore")
        .lines()
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.replaceAll("/$", ""))
        .collect(Collectors.toSet());
  }

  /** compose.yaml as Compose reads it: YAML anchors and merge keys resolved (SnakeYAML does). */
  static JsonNode compose() {
    return Parsed.COMPOSE.deepCopy();
  }

  /** The files read and parsed once for all the tests (which ask for them in loops). */
  private static final class Parsed {
    static final JsonNode COMPOSE =
        new ObjectMapper().valueToTree(new Yaml().load(read("compose.yaml")));
    static final Dockerfile DOCKERFILE = parseDockerfile();
  }

  /** The schema at its classpath location, against which its relative $id resolves. */
  private static JsonSchema composeSchema() {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(SchemaLocation.of("classpath:compose/compose-spec.json"));
  }

  /** Each variable of each service's environment, with the service's name. */
  private static void forEachVariable(BiConsumer<String, Map.Entry<String, JsonNode>> check) {
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            service ->
                service
                    .getValue()
                    .path("environment")
                    .fields()
                    .forEachRemaining(variable -> check.accept(service.getKey(), variable)));
  }

  /** The services run from the application's image (the Dockerfile's app stage). */
  private static Map<String, JsonNode> applicationInstances() {
    Map<String, JsonNode> instances = new HashMap<>();
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            service -> {
              if (service.getValue().path("build").path("target").asText().equals("app")) {
                instances.put(service.getKey(), service.getValue());
              }
            });
    return instances;
  }

  private static String volumeMountedAt(JsonNode service, String target) {
    for (JsonNode volume : service.path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (parts.length >= 2
          && parts[1].equals(target)
          && !parts[0].startsWith("/")
          && !parts[0].startsWith(".")) {
        return parts[0];
      }
    }
    return null;
  }

  /** Compose's durations: 30s, 1m30s, 500ms. */
  static Duration composeDuration(String value) {
    Matcher part = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(value);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find()) {
      assertThat(part.start()).as("duration " + value).isEqualTo(end);
      end = part.end();
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              });
    }
    assertThat(end).as("duration " + value).isEqualTo(value.length()).isPositive();
    return total;
  }

  /** A default from the application's own configuration (the one place it is set). */
  static String defaultSetting(String name) {
    return read("src/main/resources/META-INF/microprofile-config.properties")
        .lines()
        .filter(line -> line.startsWith(name + "="))
        .map(line -> line.substring(name.length() + 1).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no default"));
  }

  static String read(String file) {
    try {
      return Files.readString(BASE.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
