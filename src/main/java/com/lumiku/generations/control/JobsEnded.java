package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;

/**
 * Jobs of one generation ended, all completed or all failed, and who ended them. Fired (CDI) inside
 * the transaction that ended them and counted by {@link GenerationMetrics} only once it commits: an
 * attempt that rolls back (and whose message is delivered again) is not counted as done.
 *
 * @param type the generation's job type, which tells the queue its workers consume
 * @param completed true if they completed, false if they failed
 * @param endedBy the worker, the dead-letter consumer or the sweeper
 * @param count how many
 */
public record JobsEnded(String type, boolean completed, EndedBy endedBy, int count) {}
