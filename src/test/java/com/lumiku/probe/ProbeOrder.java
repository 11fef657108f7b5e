package com.lumiku.probe;

import com.lumiku.platform.JsonDocuments;

/**
 * What a probe run is told to do, as stored in its generation's parameters.
 *
 * @param label a name the test recognises it by
 * @param sleepMillis how long each attempt takes
 * @param transientFailures how many first attempts fail with a transient failure
 * @param permanent whether it fails for good on its first attempt
 * @param brokenInsert whether every attempt breaks on a database insert (a unique key violated),
 *     the kind of exception whose text (SQL included) users must never see
 */
public record ProbeOrder(
    String label, int sleepMillis, int transientFailures, boolean permanent, boolean brokenInsert) {

  public static ProbeOrder succeed(String label) {
    return new ProbeOrder(label, 0, 0, false, false);
  }

  public String toJson() {
    return JsonDocuments.toJson(this);
  }

  public static ProbeOrder fromJson(String json) {
    return JsonDocuments.fromJson(json, ProbeOrder.class);
  }
}
