package com.lumiku.generations;

import com.lumiku.generations.control.GenerationJob;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The job of {@link UnattendedApp}: it exists (a deployment needs one per job type) but never runs.
 */
@ApplicationScoped
public class UnattendedJob implements GenerationJob {

  @Override
  public String type() {
    return UnattendedApp.JOB_TYPE;
  }

  @Override
  public JsonObject run(Generation generation, Job job) {
    return Json.createObjectBuilder().build();
  }
}
