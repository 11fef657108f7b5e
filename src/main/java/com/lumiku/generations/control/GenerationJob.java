package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import jakarta.json.JsonObject;

/**
 * The work behind one type of generation, provided by the app that owns the type (e.g. the avatar
 * creator draws an avatar from a prompt; the pose generator draws one pose of a batch per job).
 * Runs inside the worker's transaction: whatever it stores commits together with the job's
 * completion and the message's acknowledgement.
 */
public interface GenerationJob {

  /** The generation type this job does, e.g. {@code avatar.from-prompt}. */
  String type();

  /**
   * Does one job of the generation and stores what it made.
   *
   * @param generation what was ordered (its parameters are the whole order's)
   * @param job which part of it: its parameters are the part's ({@code {}} for an order of one job
   *     made with {@code Order.single}); as it was before this attempt ({@code attempts()} counts
   *     the earlier ones)
   * @return the result shown to the user, e.g. {@code {avatarId, imageUrl, thumbnailUrl}}; a
   *     picture as the unsigned path {@code ImagesResource.url(name)} in a field named {@code
   *     ...Url}, which answers sign when they show it ({@code ImageUrls.signAll}: a signed URL
   *     stored here would expire)
   * @throws TransientFailure to fail this attempt (the broker redelivers the message later, or
   *     dead-letters it after the last attempt); any other exception counts as transient too
   * @throws PermanentFailure to fail the job for good: it is refunded at once, and what this
   *     attempt wrote is rolled back
   */
  JsonObject run(Generation generation, Job job);

  /**
   * Whether a job of this type is done in a few milliseconds (no model that takes its time, no call
   * to a remote service). Jobs of quick types that one transaction queues (a batch's parts, or the
   * orders of one group commit, see {@code OrderIntake}) travel in one message and are done by one
   * worker in one transaction, one after the other: one delivery and one two-phase commit for the
   * lot instead of one each. Slow jobs are never bundled, so that they run side by side.
   */
  default boolean quick() {
    return false;
  }
}
