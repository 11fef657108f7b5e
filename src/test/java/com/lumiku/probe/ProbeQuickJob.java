package com.lumiku.probe;

import com.lumiku.generations.control.GenerationJob;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * The probe's runs as a quick type: what each part says, done by {@link ProbeJob}, but declared
 * quick, so that the jobs one transaction queues travel and are done as bundles.
 */
@ApplicationScoped
public class ProbeQuickJob implements GenerationJob {

  @Inject ProbeJob runs;

  @Override
  public String type() {
    return ProbeApp.QUICK_JOB_TYPE;
  }

  @Override
  public boolean quick() {
    return true;
  }

  @Override
  public JsonObject run(Generation generation, Job job) {
    return runs.run(generation, job);
  }
}
