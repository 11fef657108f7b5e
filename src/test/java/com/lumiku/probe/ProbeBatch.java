package com.lumiku.probe;

import java.util.List;

/**
 * A batch of probe runs: one generation, one job per part, each told what to do.
 *
 * @param label the generation's name
 * @param parts what each job does
 * @param quick whether its jobs are of the probe's quick type, which the engine bundles (see {@code
 *     GenerationJob.quick}); they do the same
 */
public record ProbeBatch(String label, List<ProbeOrder> parts, boolean quick) {

  /** A batch of the probe's ordinary jobs, each sent and done alone. */
  public static ProbeBatch of(String label, List<ProbeOrder> parts) {
    return new ProbeBatch(label, parts, false);
  }
}
