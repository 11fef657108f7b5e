package com.lumiku.generations.control;

import java.util.List;
import java.util.UUID;

/**
 * A generation's stored state changed. Fired (CDI) inside the changing transaction; observed after
 * it commits, so nothing is announced for a change that rolled back. Travels to every instance as
 * the JSON payload of the live-update topic: only ids, listeners read the state themselves.
 *
 * @param generationId the generation that changed
 * @param userId its owner, so that listeners find the owner's streams without reading it first
 * @param endedJobs the jobs the change ended (completed, failed or canceled), if any
 */
public record GenerationChanged(UUID generationId, UUID userId, List<UUID> endedJobs) {

  public GenerationChanged {
    endedJobs = endedJobs == null ? List.of() : List.copyOf(endedJobs);
  }
}
