package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.AvatarPreset;
import com.lumiku.avatars.entity.SourceType;
import com.lumiku.generations.control.GenerationRequests;
import com.lumiku.platform.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Orders avatars: checks the project is the caller's, reads the preset the order names (if any) and
 * lays the order's fields over it, builds the model's prompt, then charges, stores and queues the
 * generation in one transaction (see {@link GenerationRequests}); an order of a preset counts as
 * one use of it in the same transaction. A refused order (400, 402, 404, 409) changes nothing.
 */
@ApplicationScoped
public class AvatarGenerations {

  @Inject AvatarProjects projects;
  @Inject GenerationRequests requests;
  @Inject AvatarPresets presets;

  /**
   * Charges and queues an avatar.
   *
   * @param operator whether the caller is an operator (who may order private presets)
   * @throws com.lumiku.platform.problem.ProblemException 404 for a project that is not the user's;
   *     400 for a preset the caller may not order, or an order that, over its preset, has no name,
   *     nothing to draw or too long a prompt; 409 for a preset withdrawn meanwhile
   *     <p>In the caller's transaction, without a transaction interceptor of its own: the order
   *     route runs it inside {@code IdempotentRequests.once}, which starts the transaction, so a
   *     REQUIRED layer here only joined it on every order. Its first step ({@code lockToAdd}) and
   *     every one after it are MANDATORY, so a caller without a transaction fails before anything
   *     is done.
   * @throws com.lumiku.credits.control.InsufficientCredits if the balance does not cover it
   */
  public GenerationRequests.Accepted order(
      UUID userId, UUID projectId, AvatarDraft draft, boolean operator) {
    projects.lockToAdd(projectId, userId);
    AvatarPreset preset =
        draft.presetId() == null ? null : presets.orderable(draft.presetId(), operator);
    AvatarDraft.Resolved avatar = draft.resolve(preset == null ? null : preset.content());
    AvatarPrompt prompt =
        new AvatarPrompt(
            projectId,
            avatar.name(),
            avatar.prompt(),
            draft.width(),
            draft.height(),
            avatar.persona(),
            avatar.attributes(),
            preset == null ? SourceType.GENERATED : SourceType.PRESET,
            draft.presetId());
    GenerationRequests.Accepted accepted = submit(userId, prompt);
    if (preset != null) {
      presets.countUse(preset.id(), operator);
    }
    return accepted;
  }

  private GenerationRequests.Accepted submit(UUID userId, AvatarPrompt prompt) {
    return requests.submit(
        GenerationRequests.Order.single(
            userId,
            AvatarCreator.ID,
            AvatarCreator.GENERATE,
            AvatarCreator.FROM_PROMPT,
            prompt.toJson(),
            "Avatar \"" + Texts.abbreviate(prompt.name(), 60) + "\""));
  }
}
