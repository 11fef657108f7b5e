package com.lumiku.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules, their tests and the dashboard read only metrics Lumiku exposes ({@link
 * MonitoredMetrics}, which {@link MonitoringScenarios} checks against a running application), and
 * every alert says how bad it is, what happened and which section of docs/runbook.md tells what to
 * do.
 */
class OpsMetricNamesTest {

  static final Path RULES = Path.of("ops/prometheus/lumiku-rules.yaml");
  static final Path RULE_TESTS = Path.of("ops/prometheus/lumiku-rules.test.yaml");
  static final Path DASHBOARD = Path.of("ops/grafana/queue-monitor.json");

  static final Path RUNBOOK = Path.of("docs/runbook.md");

  /** The sections of docs/runbook.md an alert may point at: its {@code <a id="...">} anchors. */
  static Set<String> runbookAnchors() throws IOException {
    Set<String> anchors = new TreeSet<>();
    Matcher anchor = Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(Files.readString(RUNBOOK));
    while (anchor.find()) {
      anchors.add(anchor.group(1));
    }
    return anchors;
  }

  static Set<String> exposed() {
    Set<String> names = new HashSet<>(MonitoredMetrics.APPLICATION);
    names.addAll(MonitoredMetrics.BASE);
    names.addAll(MonitoredMetrics.PROMETHEUS);
    return names;
  }

  @Test
  void theRulesReadOnlyExposedMetrics() throws IOException {
    Set<String> used = new TreeSet<>();
    alerts().forEach(alert -> used.addAll(MonitoredMetrics.namesIn((String) alert.get("expr"))));
    assertThat(used).isNotEmpty();
    assertThat(exposed()).as("metrics the rules use").containsAll(used);
  }

  @Test
  void theRuleTestsFeedOnlyExposedMetrics() throws IOException {
    Set<String> fed = new TreeSet<>();
    for (Map<String, Object> test : list(yaml(RULE_TESTS).get("tests"))) {
      for (Map<String, Object> input : list(test.get("input_series"))) {
        fed.addAll(MonitoredMetrics.namesIn((String) input.get("series")));
      }
    }
    assertThat(fed).isNotEmpty();
    assertThat(exposed()).as("metrics the rule tests feed").containsAll(fed);
  }

  @Test
  void theDashboardReadsOnlyExposedMetrics() throws IOException {
    JsonObject dashboard;
    try (Reader file = Files.newBufferedReader(DASHBOARD);
        JsonReader reader = Json.createReader(file)) {
      dashboard = reader.readObject();
    }
    List<String> expressions = new ArrayList<>();
    collectExpressions(dashboard.getJsonArray("panels"), expressions);
    for (JsonObject variable :
        dashboard.getJsonObject("templating").getJsonArray("list").getValuesAs(JsonObject.class)) {
      if (variable.containsKey("definition")) {
        // label_values(<metric>, <label>): the metric is the first argument.
        String definition = variable.getString("definition");
        expressions.add(definition.replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1"));
      }
    }
    Set<String> used = new TreeSet<>();
    expressions.forEach(expression -> used.addAll(MonitoredMetrics.namesIn(expression)));
    assertThat(expressions).hasSizeGreaterThan(10);
    assertThat(exposed()).as("metrics the dashboard uses").containsAll(used);
    assertThat(used)
        .as("the dashboard shows depth, age, consumers, throughput, failures, in-doubt, memory")
        .contains(
            "generations_queue_waiting",
            "generations_queue_oldest_waiting_seconds",
            "generations_queue_consumers",
            "generations_jobs_completed_total",
            "generations_jobs_failed_total",
            "generations_queue_oldest_unchanged_seconds",
            "transactions_prepared_oldest_seconds",
            "memory_usedHeap_bytes");
  }

  @Test
  void everyAlertHasASeverityItsStoryAndItsRunbookSection() throws IOException {
    List<Map<String, Object>> alerts = alerts();
    assertThat(alerts).hasSize(11);
    Set<String> anchors = new TreeSet<>();
    for (Map<String, Object> alert : alerts) {
      String name = (String) alert.get("alert");
      Map<String, Object> labels = map(alert.get("labels"));
      Map<String, Object> annotations = map(alert.get("annotations"));
      assertThat(labels.get("severity")).as(name).isIn("critical", "warning");
      assertThat(annotations).as(name).containsKeys("summary", "description", "runbook_url");
      String runbook = (String) annotations.get("runbook_url");
      assertThat(runbook).as(name).startsWith("docs/runbook.md#");
      anchors.add(runbook.substring(runbook.indexOf('#') + 1));
    }
    assertThat(runbookAnchors()).as("the runbook's sections").containsAll(anchors);
    assertThat(anchors)
        .as("an alert for every incident of the runbook")
        .containsAll(
            List.of(
                "no-consumer",
                "backlog",
                "failures",
                "stuck-jobs",
                "memory",
                "broker-down",
                "in-doubt",
                "dead-letters"));
  }

  private static void collectExpressions(Iterable<JsonValue> panels, List<String> expressions) {
    for (JsonObject panel : ((jakarta.json.JsonArray) panels).getValuesAs(JsonObject.class)) {
      if (panel.containsKey("targets")) {
        for (JsonObject target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
          expressions.add(target.getString("expr"));
        }
      }
      if (panel.containsKey("panels")) {
        collectExpressions(panel.getJsonArray("panels"), expressions);
      }
    }
  }

  private static List<Map<String, Object>> alerts() throws IOException {
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Map<String, Object> group : list(yaml(RULES).get("groups"))) {
      for (Map<String, Object> rule : list(group.get("rules"))) {
        if (rule.containsKey("alert")) {
          alerts.add(rule);
        }
      }
    }
    return alerts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
