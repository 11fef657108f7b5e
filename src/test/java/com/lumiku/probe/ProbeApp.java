package com.lumiku.probe;

import com.lumiku.apps.App;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * A throwaway app that exists only in the tests: its package (this one), a migration (probe_runs,
 * src/test/resources/probe) and a queue (generations.test-probe, made by the test). Nothing outside
 * this package knows it, which is the point: the engine must list it, charge it, route its work,
 * watch its queue and dead-letter it like any app. Its job does what each order says (sleep, fail
 * transiently or for good, break a database insert), so engine tests use it to stage situations.
 */
@ApplicationScoped
public class ProbeApp implements App {

  public static final String ID = "probe";
  public static final String RUN = "run";
  public static final String JOB_TYPE = "probe.run";

  /** The same runs, as a quick type: the engine bundles them (see {@link ProbeQuickJob}). */
  public static final String QUICK_JOB_TYPE = "probe.quick-run";

  public static final String WORKER = "probe";
  public static final String QUEUE = "generations.test-probe";
  public static final int CONCURRENCY = 4;

  /** The price, set by the deployment that includes this app (it has no default of its own). */
  public static final String PRICE_SETTING = "lumiku.apps.probe.cost.run";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Probe";
  }

  @Override
  public String description() {
    return "Test-only app whose jobs do what they are told.";
  }

  @Override
  public List<String> operations() {
    return List.of(RUN);
  }

  @Override
  public List<Worker> workers() {
    return List.of(new Worker(WORKER, QUEUE, CONCURRENCY, Set.of(JOB_TYPE, QUICK_JOB_TYPE)));
  }
}
