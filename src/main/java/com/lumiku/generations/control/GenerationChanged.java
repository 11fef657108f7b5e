package com.lumiku.generations.control;

import java.util.UUID;

/**
 * A generation's stored state changed. Fired (CDI) inside the changing transaction; observed after
 * it commits, so nothing is announced for a change that rolled back. Travels to every instance as
 * the JSON payload of the live-update topic: only the id, listeners read the state themselves.
 */
public record GenerationChanged(UUID generationId) {}
