package com.lumiku.generations;

import com.lumiku.apps.App;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * A test-only app that declares a worker but ships no consumer for its queue: the failure the
 * replaced platform hid (work accepted onto a queue nobody reads). Deployed only by {@link
 * QueueWithoutWorkersIT}.
 */
@ApplicationScoped
public class UnattendedApp implements App {

  static final String QUEUE = "generations.test-unattended";
  static final String JOB_TYPE = "unattended.run";

  @Override
  public String id() {
    return "unattended";
  }

  @Override
  public String name() {
    return "Unattended";
  }

  @Override
  public String description() {
    return "Declares a worker that never runs.";
  }

  @Override
  public List<String> operations() {
    return List.of("run");
  }

  @Override
  public List<Worker> workers() {
    return List.of(new Worker("unattended", QUEUE, 1, Set.of(JOB_TYPE)));
  }
}
