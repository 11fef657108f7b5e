package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import java.util.List;

/**
 * Hands the jobs of a generation to the workers of its type, one message each. Enqueuing joins the
 * caller's transaction: the messages are delivered only if that transaction commits, together with
 * the charge and the generation's rows.
 */
public interface GenerationQueue {

  void enqueue(Generation generation, List<Job> jobs);
}
