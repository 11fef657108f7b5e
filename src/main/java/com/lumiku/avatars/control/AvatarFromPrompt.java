package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.Avatar;
import com.lumiku.generations.control.GenerationJob;
import com.lumiku.generations.control.PermanentFailure;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import com.lumiku.imaging.Drawing;
import com.lumiku.imaging.ImageGenerator;
import com.lumiku.imaging.ImageRequest;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.platform.storage.ImagesResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Draws an avatar from a prompt: asks the image generator for the picture, stores it with a
 * thumbnail, and adds the avatar to its project with the persona and attributes it was ordered
 * with, all in the worker's transaction (the image store removes the files again if it rolls back).
 * An avatar keeps its preset's id only if the preset still exists (an operator may have deleted it
 * since the order).
 */
@ApplicationScoped
public class AvatarFromPrompt implements GenerationJob {

  /** The error code of an order whose project was deleted before a worker drew it. */
  static final String PROJECT_DELETED = "project-deleted";

  @Inject AvatarProjects projects;
  @Inject ImageGenerator generator;
  @Inject ImageStore store;
  @Inject AvatarPresets presets;
  @PersistenceContext EntityManager em;

  @Override
  public String type() {
    return AvatarCreator.FROM_PROMPT;
  }

  /**
   * As quick as the model that draws it. (Bundling is safe here: the job takes only shared locks,
   * on its project and its preset, and inserts its own avatar.)
   */
  @Override
  public boolean quick() {
    return generator.quick();
  }

  @Override
  public JsonObject run(Generation generation, Job job) {
    AvatarPrompt prompt = AvatarPrompt.fromJson(generation.parameters());
    Drawing drawn =
        generator.draw(new ImageRequest(prompt.prompt(), prompt.width(), prompt.height()));
    // Locked only now, not during the model's call: a deletion waits for the insert, not the
    // drawing.
    if (!projects.lockToAdd(prompt.projectId())) {
      throw new PermanentFailure(
          PROJECT_DELETED,
          "The project was deleted while the avatar was being drawn; your credits were refunded.",
          "Avatar project " + prompt.projectId() + " is gone",
          null);
    }
    ImageStore.StoredImage stored = drawn.storeIn(store, AvatarCreator.THUMBNAIL_SIZE);

    Avatar avatar =
        Avatar.generated(
            prompt.projectId(),
            generation.userId(),
            generation.id(),
            new Avatar.Profile(
                prompt.name(),
                prompt.prompt(),
                prompt.persona(),
                prompt.attributes(),
                prompt.sourceType(),
                prompt.presetId() != null && presets.holdIfExists(prompt.presetId())
                    ? prompt.presetId()
                    : null),
            new Avatar.Picture(stored.image(), stored.thumbnail(), drawn.width(), drawn.height()));
    em.persist(avatar);
    return JsonDocuments.object()
        .add("avatarId", avatar.id().toString())
        .add("projectId", prompt.projectId().toString())
        .add("name", prompt.name())
        .add("imageUrl", ImagesResource.url(stored.image()))
        .add("thumbnailUrl", ImagesResource.url(stored.thumbnail()))
        .build();
  }
}
