package com.lumiku.testing;

import java.util.List;
import java.util.regex.Pattern;

/** The application's {@code /metrics}, read as Prometheus reads it (Prometheus text format). */
public final class ScrapedMetrics {

  private final String text;

  private ScrapedMetrics(String text) {
    this.text = text;
  }

  /** One scope of {@code /metrics} ({@code application}, {@code base}), as an admin reads it. */
  public static ScrapedMetrics scrape(Api api, String scope) {
    return new ScrapedMetrics(
        api.as(api.admin())
            .accept("text/plain")
            .get("/metrics?scope=" + scope)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  /** The sample lines of a metric (not its HELP and TYPE lines). */
  public List<String> samples(String name) {
    return text.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .toList();
  }

  /**
   * The sum of a metric's samples whose label set matches the regular expression {@code labels}
   * anywhere ("" for all of them); 0 if there is none, NaN if one of them is NaN.
   */
  public double value(String name, String labels) {
    Pattern wanted = Pattern.compile(labels);
    return samples(name).stream()
        .filter(line -> wanted.matcher(line.substring(0, line.lastIndexOf(' '))).find())
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
