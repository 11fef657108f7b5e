package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;

/**
 * Hands generations to the workers of their type. Enqueuing joins the caller's transaction: the
 * message is delivered only if that transaction commits, together with the charge and the
 * generation row.
 */
public interface GenerationQueue {

  void enqueue(Generation generation);
}
