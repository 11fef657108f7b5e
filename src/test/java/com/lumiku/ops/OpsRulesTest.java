package com.lumiku.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules are valid and behave as their unit tests say
 * (ops/prometheus/lumiku-rules.test.yaml: each alert fires just past its edge and not at it), and
 * the example configuration is valid, as Prometheus' own {@code promtool} judges them. promtool
 * comes with Debian's {@code prometheus} package; without it these tests fail, saying so, rather
 * than pass unchecked.
 */
class OpsRulesTest {

  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  static final Path RULES = Path.of("ops/prometheus");

  @Test
  void theRulesAreValid() throws Exception {
    assertThat(promtool("check", "rules", "lumiku-rules.yaml")).contains("SUCCESS: 11 rules found");
  }

  @Test
  void everyAlertFiresPastItsEdgeAndNotAtIt() throws Exception {
    assertThat(promtool("test", "rules", "lumiku-rules.test.yaml")).contains("SUCCESS");
  }

  /** Only the syntax: the token file it names is made where Prometheus runs. */
  @Test
  void theExampleConfigurationIsValid() throws Exception {
    assertThat(promtool("check", "config", "--syntax-only", "prometheus.yml")).contains("SUCCESS");
  }

  /** Runs promtool in ops/prometheus; fails with its output unless it exits 0. */
  private static String promtool(String... arguments) throws IOException, InterruptedException {
    assertThat(Files.isExecutable(PROMTOOL))
        .as(
            "%s is missing: install Debian's prometheus package (apt-get install prometheus),"
                + " which ships promtool, to check and test the alert rules",
            PROMTOOL)
        .isTrue();
    List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool ended").isTrue();
    assertThat(process.exitValue()).as("promtool %s:%n%s", command, output).isZero();
    return output;
  }
}
