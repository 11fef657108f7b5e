package com.lumiku.avatars.control;

import com.lumiku.generations.control.GenerationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Orders avatars: checks the project is the caller's, then charges, stores and queues the
 * generation in one transaction (see {@link GenerationRequests}).
 */
@ApplicationScoped
public class AvatarGenerations {

  @Inject AvatarProjects projects;
  @Inject GenerationRequests requests;

  @Transactional
  public GenerationRequests.Accepted fromPrompt(UUID userId, AvatarPrompt prompt) {
    projects.owned(prompt.projectId(), userId);
    return requests.submit(
        GenerationRequests.Order.single(
            userId,
            AvatarCreator.ID,
            AvatarCreator.GENERATE,
            AvatarCreator.FROM_PROMPT,
            prompt.toJson(),
            "Avatar \"" + abbreviate(prompt.name()) + "\""));
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
