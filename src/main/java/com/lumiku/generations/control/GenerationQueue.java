package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import java.util.List;

/**
 * Hands the jobs of a generation to the workers of its type: a message each, or, for quick types,
 * bundles of the jobs the transaction queued (see {@link GenerationJob#quick}). Enqueuing joins the
 * caller's transaction: the messages are delivered only if that transaction commits, together with
 * the charge and the generation's rows.
 */
public interface GenerationQueue {

  void enqueue(Generation generation, List<Job> jobs);

  /**
   * Queues these jobs again, each in a message of its own, in the caller's transaction: the jobs of
   * a bundle whose try failed, to be tried one by one.
   */
  void requeue(List<GenerationMessage> messages);
}
