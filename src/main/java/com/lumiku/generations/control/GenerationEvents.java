package com.lumiku.generations.control;

import java.util.UUID;

/**
 * Announces that a generation changed, to every instance (each streams live updates to the clients
 * connected to it). Joins the caller's transaction: the announcement goes out only if the change
 * commits, and carries only the id; listeners read the state from the database.
 */
public interface GenerationEvents {

  void changed(UUID generationId);
}
