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
   * @throws RuntimeException to fail this attempt; the broker redelivers the message later
   */
  JsonObject run(Generation generation);
}
