package com.lumiku.probe;

import com.lumiku.generations.control.GenerationJob;
import com.lumiku.generations.control.PermanentFailure;
import com.lumiku.generations.control.TransientFailure;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
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
  public JsonObject run(Generation generation, Job job) {
    ProbeOrder order = ProbeOrder.fromJson(job.parameters());
    // The job is as it was before this attempt.
    int attempt = job.attempts() + 1;
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
    record(job, order, attempt);
    if (order.brokenInsert()) {
      record(job, order, attempt); // the same key again: the database refuses it
    }
    return JsonDocuments.object().add("label", order.label()).add("attempt", attempt).build();
  }

  private void record(Job job, ProbeOrder order, int attempt) {
    em.createNativeQuery(
            "INSERT INTO probe_runs (job_id, generation_id, label, attempt, created_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, job.id())
        .setParameter(2, job.generationId())
        .setParameter(3, order.label())
        .setParameter(4, attempt)
        .setParameter(5, UtcClock.now())
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
