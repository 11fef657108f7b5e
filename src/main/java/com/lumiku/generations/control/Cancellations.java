package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cancels generations that have not started, with all their jobs, and refunds every job in the same
 * transaction. The queued messages stay on the queue; when a worker takes one, it finds its job
 * ended and acknowledges it without work.
 */
@ApplicationScoped
public class Cancellations {

  private static final Logger LOG = Logger.getLogger(Cancellations.class.getName());

  @Inject Generations generations;
  @Inject StatusChanges statusChanges;
  @Inject Refunds refunds;

  /**
   * Cancels and refunds the user's pending generation.
   *
   * @return the generation as it is now
   * @throws ProblemException 404 if it is not the user's; 409 once it is processing or has ended
   */
  @Transactional
  public Generation cancel(UUID generationId, UUID userId) {
    generations
        .findOwned(generationId, userId)
        .orElseThrow(() -> ProblemException.notFound("Generation " + generationId));
    List<UUID> jobs = statusChanges.cancel(generationId);
    if (jobs.isEmpty()) {
      Generation current = generations.reload(generationId).orElseThrow();
      throw ProblemException.conflict(
          "The generation is "
              + current.status().code()
              + "; only a pending generation can be canceled.");
    }
    jobs.forEach(job -> refunds.refundJob(generationId, job));
    LOG.log(
        Level.INFO,
        "User {0} canceled generation {1} ({2} jobs)",
        new Object[] {userId, generationId, jobs.size()});
    return generations.reload(generationId).orElseThrow();
  }

  /**
   * Cancels and refunds those of the user's unstarted generations of an app whose parameters {@code
   * concerns} picks, e.g. the work queued for a project being deleted; generations a worker has
   * started are left to finish or fail (the app's job decides what it finds). In the caller's
   * transaction, which should first lock what new orders for the same thing lock, so none slips in.
   *
   * @return the ids of the canceled generations
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> cancelUnstarted(UUID userId, String app, Predicate<String> concerns) {
    List<UUID> canceled = new ArrayList<>();
    for (Generation generation : generations.unstarted(userId, app)) {
      if (!concerns.test(generation.parameters())) {
        continue;
      }
      List<UUID> jobs = statusChanges.cancel(generation.id());
      jobs.forEach(job -> refunds.refundJob(generation.id(), job));
      if (!jobs.isEmpty()) {
        canceled.add(generation.id());
      }
    }
    if (!canceled.isEmpty()) {
      LOG.log(
          Level.INFO,
          "Canceled {0} unstarted {1} generations of user {2}: {3}",
          new Object[] {canceled.size(), app, userId, canceled});
    }
    return canceled;
  }
}
