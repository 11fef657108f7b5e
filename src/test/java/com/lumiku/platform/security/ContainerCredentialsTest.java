package com.lumiku.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.testing.ProjectScripts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image's entrypoint, bin/check-credentials, run the way the image runs it (no Docker
 * engine here): it starts the server only with real database and broker passwords.
 */
class ContainerCredentialsTest {

  private static final Map<String, String> STRONG =
      Map.of(
          "LUMIKU_DB_PASSWORD", "3f9c2a7d41b84e06a1c5",
          "LUMIKU_BROKER_PASSWORD", "b7e1d09c3a6f4528e9d1",
          "LUMIKU_BROKER_MANAGEMENT_PASSWORD", "5d2e8f1a7c3b9046d8e2");

  record Outcome(int exit, String output) {}

  @Test
  void startsTheServerWithRealCredentials() throws Exception {
    Outcome outcome = check(STRONG);
    assertThat(outcome.exit()).isZero();
    assertThat(outcome.output()).isEqualTo("server started\n");
  }

  @Test
  void refusesToStartWithoutCredentials() throws Exception {
    Outcome outcome = check(Map.of());
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.output())
        .doesNotContain("server started")
        .contains("LUMIKU_DB_PASSWORD is not set")
        .contains("LUMIKU_BROKER_PASSWORD is not set")
        .contains("LUMIKU_BROKER_MANAGEMENT_PASSWORD is not set");
  }

  @Test
  void refusesTheWellKnownDefaults() throws Exception {
    for (String weak : new String[] {"postgres", "lumiku", "Artemis", "changeme", "admin"}) {
      Outcome outcome = check(with("LUMIKU_DB_PASSWORD", weak));
      assertThat(outcome.exit()).as(weak).isEqualTo(1);
      assertThat(outcome.output())
          .as(weak)
          .doesNotContain("server started")
          .contains("LUMIKU_DB_PASSWORD is a well-known default");
    }
  }

  @Test
  void refusesShortPasswords() throws Exception {
    Outcome outcome = check(with("LUMIKU_BROKER_PASSWORD", "a1b2c3d4e5f6g7h"));
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.output()).contains("LUMIKU_BROKER_PASSWORD is shorter than 16 characters");
  }

  @Test
  void refusesPasswordsTheAsadminFilesWouldSplit() throws Exception {
    Outcome outcome = check(with("LUMIKU_BROKER_PASSWORD", "a1b2c3d4:e5f6g7h8i9"));
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.output()).contains("LUMIKU_BROKER_PASSWORD contains one of");
  }

  @Test
  void refusesOneUserOrPasswordForBothBrokerRoles() throws Exception {
    Map<String, String> sameUser = with("LUMIKU_BROKER_MANAGEMENT_USER", "lumiku");
    assertThat(check(sameUser).output())
        .contains("LUMIKU_BROKER_USER and LUMIKU_BROKER_MANAGEMENT_USER must differ");
    Map<String, String> samePassword =
        with("LUMIKU_BROKER_MANAGEMENT_PASSWORD", STRONG.get("LUMIKU_BROKER_PASSWORD"));
    Outcome outcome = check(samePassword);
    assertThat(outcome.exit()).isEqualTo(1);
    assertThat(outcome.output())
        .contains("LUMIKU_BROKER_PASSWORD and LUMIKU_BROKER_MANAGEMENT_PASSWORD must differ");
  }

  @Test
  void readsEachPasswordFromTheFileItsFileVariableNames(@TempDir Path secrets) throws Exception {
    Map<String, String> environment = new HashMap<>(STRONG);
    environment.remove("LUMIKU_DB_PASSWORD");
    Path file = Files.writeString(secrets.resolve("db_password"), "c4e8a1f09b7d3e62a5f1");
    environment.put("LUMIKU_DB_PASSWORD_FILE", file.toString());

    Outcome outcome = check(environment, "printenv", "LUMIKU_DB_PASSWORD");

    assertThat(outcome.exit()).isZero();
    assertThat(outcome.output()).isEqualTo("c4e8a1f09b7d3e62a5f1\n");
  }

  @Test
  void aPasswordFromAFileIsCheckedLikeAnyOther(@TempDir Path secrets) throws Exception {
    Map<String, String> environment = new HashMap<>(STRONG);
    environment.remove("LUMIKU_DB_PASSWORD");
    environment.put(
        "LUMIKU_DB_PASSWORD_FILE",
        Files.writeString(secrets.resolve("db_password"), "postgres").toString());
    assertThat(check(environment).output()).contains("LUMIKU_DB_PASSWORD is a well-known default");
  }

  @Test
  void refusesAnUnreadableFileAndBothWaysAtOnce(@TempDir Path secrets) throws Exception {
    Map<String, String> missing = new HashMap<>(STRONG);
    missing.remove("LUMIKU_BROKER_PASSWORD");
    missing.put("LUMIKU_BROKER_PASSWORD_FILE", secrets.resolve("absent").toString());
    Outcome unreadable = check(missing);
    assertThat(unreadable.exit()).isEqualTo(1);
    assertThat(unreadable.output()).contains("LUMIKU_BROKER_PASSWORD_FILE names", "cannot be read");

    Map<String, String> both =
        with(
            "LUMIKU_BROKER_PASSWORD_FILE",
            Files.writeString(secrets.resolve("broker"), "9a8b7c6d5e4f3a2b1c0d").toString());
    Outcome twice = check(both);
    assertThat(twice.exit()).isEqualTo(1);
    assertThat(twice.output())
        .contains("LUMIKU_BROKER_PASSWORD and LUMIKU_BROKER_PASSWORD_FILE are both set");
  }

  /** The broker's image needs only the broker's two passwords, and checks them the same way. */
  @Test
  void theBrokerNeedsOnlyItsOwnPasswords() throws Exception {
    Map<String, String> broker = new HashMap<>(STRONG);
    broker.remove("LUMIKU_DB_PASSWORD");
    assertThat(check(broker, "--broker", "echo", "broker started").output())
        .isEqualTo("broker started\n");
    assertThat(check(broker).output()).contains("LUMIKU_DB_PASSWORD is not set");

    broker.put("LUMIKU_BROKER_MANAGEMENT_PASSWORD", "artemis");
    Outcome weak = check(broker, "--broker", "echo", "broker started");
    assertThat(weak.exit()).isEqualTo(1);
    assertThat(weak.output())
        .doesNotContain("broker started")
        .contains("LUMIKU_BROKER_MANAGEMENT_PASSWORD is a well-known default");
  }

  /** The image really goes through the check: its entrypoint runs bin/payara through it. */
  @Test
  void theImageStartsThroughTheCheck() throws IOException {
    String dockerfile =
        Files.readString(Path.of(ProjectScripts.baseDir(), "Dockerfile"), StandardCharsets.UTF_8);
    assertThat(dockerfile)
        .contains("COPY bin/payara bin/check-credentials bin/probe /opt/lumiku/bin/")
        .containsPattern(
            "(?m)^ENTRYPOINT \\[\"/opt/lumiku/bin/check-credentials\", \"/opt/lumiku/bin/payara\"\\]$");
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> environment = new HashMap<>(STRONG);
    environment.put(name, value);
    return environment;
  }

  /** bin/check-credentials with only these variables, starting a stand-in for the server. */
  private static Outcome check(Map<String, String> environment)
      throws IOException, InterruptedException {
    return check(environment, "echo", "server started");
  }

  /** bin/check-credentials with only these variables and these arguments. */
  private static Outcome check(Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProjectScripts.baseDir() + "/bin/check-credentials");
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(new File(ProjectScripts.baseDir()))
            .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Outcome(process.exitValue(), output);
  }
}
