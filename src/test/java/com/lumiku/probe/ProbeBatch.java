package com.lumiku.probe;

import java.util.List;

/**
 * A batch of probe runs: one generation, one job per part, each told what to do.
 *
 * @param label the generation's name
 * @param parts what each job does
 */
public record ProbeBatch(String label, List<ProbeOrder> parts) {}
