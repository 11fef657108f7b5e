package com.lumiku.ops;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the alert rules and the dashboard (ops/) may use: the names, as Prometheus reads
 * them from Payara's {@code /metrics}, of what Lumiku exposes. {@link OpsMetricNamesTest} checks
 * that ops/ uses no other name, and {@link MonitoringScenarios} that a running application's {@code
 * /metrics} has every one of them: a metric renamed on one side fails a test.
 */
final class MonitoredMetrics {

  private MonitoredMetrics() {}

  /** Lumiku's own metrics ({@code /metrics?scope=application}). */
  static final List<String> APPLICATION =
      List.of(
          "generations_queue_waiting",
          "generations_queue_processing",
          "generations_queue_oldest_waiting_seconds",
          "generations_queue_oldest_unchanged_seconds",
          "generations_queue_consumers",
          "generations_queue_instance_consumers",
          "generations_queue_messages",
          "generations_jobs_completed_total",
          "generations_jobs_failed_total",
          "generations_jobs_retried_total",
          "generations_processing_milliseconds_count",
          "generations_processing_milliseconds_sum",
          "generations_refunded_total",
          "broker_up",
          "transactions_prepared",
          "transactions_prepared_oldest_seconds");

  /** The JVM's, from Payara ({@code /metrics?scope=base}). */
  static final List<String> BASE = List.of("memory_usedHeap_bytes", "memory_maxHeap_bytes");

  /** What Prometheus makes itself for each target: 0 when a scrape failed. */
  static final Set<String> PROMETHEUS = Set.of("up");

  /** PromQL's words that look like metric names. */
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "Inf", "NaN");

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern LABEL_LIST =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][a-zA-Z0-9_:]*\\b(?!\\s*\\()");

  /**
   * The metric names a PromQL expression reads (Grafana's variables such as {@code
   * $__rate_interval} and {@code $queue} allowed): what is left once strings, label matchers,
   * ranges, label lists and function names are taken out.
   */
  static Set<String> namesIn(String expression) {
    String rest = STRING.matcher(expression).replaceAll(" ");
    rest = rest.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^\\]]*]", " ");
    rest = LABEL_LIST.matcher(rest).replaceAll(" ");
    rest = rest.replaceAll("\\$\\{?\\w+}?", " ");
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(rest);
    while (name.find()) {
      if (!KEYWORDS.contains(name.group())) {
        names.add(name.group());
      }
    }
    return names;
  }
}
