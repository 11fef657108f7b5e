package com.lumiku.platform.metrics;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The metadata of Lumiku's own metrics: a name and a description (Prometheus' HELP line), and no
 * unit, so that Payara adds no unit suffix of its own: a unit is part of the name ({@code
 * ...seconds}, {@code ...milliseconds}), where the alert rules and dashboards (ops/) read it.
 */
public final class Described {

  private Described() {}

  public static Metadata metric(String name, String description) {
    return Metadata.builder()
        .withName(name)
        .withDescription(description)
        .withUnit(MetricUnits.NONE)
        .build();
  }
}
