package com.lumiku.probe;

import com.lumiku.generations.control.GenerationJob;
import com.lumiku.generations.control.PermanentFailure;
import com.lumiku.generations.control.TransientFailure;
import com.lumiku.generations.entity.Generation;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Does what the probe order says, inside the worker's transaction, and records the run. */
@ApplicationScoped
public class ProbeJob implements GenerationJob {

  @PersistenceContext EntityManager em;

  @Override
  public String type() {
    return ProbeApp.JOB_TYPE;
  }

  @Override
  public JsonObject run(Generation generation) {
    ProbeOrder order = ProbeOrder.fromJson(generation.parameters());
    // The worker reads the generation before it counts the attempt that is now running.
    int attempt = generation.attempts() + 1;
    pause(order.sleepMillis());
    if (order.permanent()) {
      throw new PermanentFailure(
          "probe-refused",
          "The probe refused this run.",
          "Probe " + order.label() + " refused on purpose",
          null);
    }
    if (attempt <= order.transientFailures()) {
      throw new TransientFailure(
          "probe-busy",
          "The probe is busy.",
          "Probe " + order.label() + " failed attempt " + attempt + " on purpose",
          null);
    }
    record(generation, order, attempt);
    if (order.brokenInsert()) {
      record(generation, order, attempt); // the same key again: the database refuses it
    }
    return JsonDocuments.object().add("label", order.label()).add("attempt", attempt).build();
  }

  private void record(Generation generation, ProbeOrder order, int attempt) {
    em.createNativeQuery(
            "INSERT INTO probe_runs (generation_id, label, attempt, created_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, generation.id())
        .setParameter(2, order.label())
        .setParameter(3, attempt)
        .setParameter(4, UtcClock.now())
        .executeUpdate();
  }

  private static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
