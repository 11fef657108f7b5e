package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import jakarta.json.JsonObject;

/**
 * The work behind one type of generation, provided by the app that owns the type (e.g. the avatar
 * creator draws an avatar from a prompt). Runs inside the worker's transaction: whatever it stores
 * commits together with the generation's completion and the message's acknowledgement.
 */
public interface GenerationJob {

  /** The generation type this job does, e.g. {@code avatar.from-prompt}. */
  String type();

  /**
   * Does the work and stores what it made.
   *
   * @return the result shown to the user, e.g. {@code {avatarId, imageUrl, thumbnailUrl}}
   * @throws TransientFailure to fail this attempt (the broker redelivers the message later, or
   *     dead-letters it after the last attempt); any other exception counts as transient too
   * @throws PermanentFailure to fail the generation for good: it is refunded at once
   */
  JsonObject run(Generation generation);
}
