package com.lumiku.generations;

import com.lumiku.generations.control.GenerationQueue;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;

/**
 * Test-only fault: after the real queue has sent the message (and the credits were deducted and the
 * generation inserted before it), throws inside the same transaction whenever the order's
 * parameters carry {@link #MARKER}. Deployed with {@code ApplicationIT} (see {@link
 * AtomicSubmissionScenarios}).
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class FailAfterEnqueue implements GenerationQueue {

  public static final String MARKER = "[fail after enqueue]";

  @Inject @Delegate @Any GenerationQueue delegate;

  @Override
  public void enqueue(Generation generation, List<Job> jobs) {
    delegate.enqueue(generation, jobs);
    if (generation.parameters().contains(MARKER)) {
      throw new IllegalStateException("Forced failure after the charge and the send");
    }
  }
}
