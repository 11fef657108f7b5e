package com.lumiku.poses.control;

import com.lumiku.avatars.control.AvatarUsages;
import com.lumiku.generations.control.GenerationRequests;
import com.lumiku.generations.control.Payment;
import com.lumiku.imaging.ImageFormat;
import com.lumiku.platform.Texts;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.poses.entity.PoseBatch;
import com.lumiku.poses.entity.PoseProject;
import com.lumiku.quotas.control.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Orders batches of poses: checks the order and the project, then, in one transaction, charges
 * every pose (and its background change), stores the generation with one job per pose and queues
 * them (see {@link GenerationRequests}), with Pose Generator's record of the batch and the use of
 * the project's avatar. A user with a quota tier in force ("unlimited") pays with today's quota, a
 * pose a unit, instead (or, if the order allows it, with credits when the quota does not cover the
 * batch). A refused order changes nothing.
 */
@ApplicationScoped
public class PoseBatches {

  /** The action recorded in an avatar's usage history for each batch that poses it. */
  static final String POSED_IN_BATCH = "posed-in-batch";

  static final String GENERATION_REFERENCE = "generation";

  private static final SecureRandom SEEDS = new SecureRandom();

  @Inject PoseProjects projects;
  @Inject PoseLibrary library;
  @Inject GenerationRequests requests;
  @Inject AvatarUsages avatars;
  @Inject Quotas quotas;
  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "lumiku.apps.pose-generator.max-batch")
  int maxBatch;

  /** The most poses one batch may have. */
  public int maxBatch() {
    return maxBatch;
  }

  /**
   * Charges and queues a batch.
   *
   * @throws ProblemException 400 for an order that breaks a rule or names poses the library does
   *     not have, 404 for a project that is not the user's, 409 for a project without a subject
   * @throws com.lumiku.credits.control.InsufficientCredits if the balance does not cover it
   */
  @Transactional
  public GenerationRequests.Accepted order(UUID userId, UUID projectId, BatchOrder order) {
    BatchOrder.Checked batch = order.checked(maxBatch);
    PoseProject project = projects.ownedForOrder(projectId, userId);
    if (!project.hasSubject()) {
      throw ProblemException.conflict(
          "The project has nobody to pose yet: choose one of your avatars or upload a picture.");
    }
    Set<UUID> unknown = library.notPublic(batch.poseIds());
    if (!unknown.isEmpty()) {
      throw ProblemException.invalid(
          unknown.stream()
              .map(id -> new FieldError("poseIds", "There is no pose " + id + " in the library."))
              .toList());
    }
    long firstSeed = batch.seed() != null ? batch.seed() : SEEDS.nextLong(BatchOrder.MAX_SEED + 1);
    List<String> operations =
        batch.backgroundPrompt() == null
            ? List.of(PoseGenerator.POSE)
            : List.of(PoseGenerator.POSE, PoseGenerator.BACKGROUND);
    List<GenerationRequests.Part> parts = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      long seed = (firstSeed + i) % (BatchOrder.MAX_SEED + 1);
      UUID poseId =
          batch.textPrompt() == null
              ? batch.poseIds().get(i)
              : library
                  .pick(batch.textPrompt(), seed)
                  .orElseThrow(() -> ProblemException.conflict("The pose library is empty."));
      parts.add(
          new GenerationRequests.Part(new PoseOrder.Part(i, poseId, seed).toJson(), operations));
    }
    List<String> formats = batch.exportFormats().stream().map(ImageFormat::code).toList();
    PoseOrder parameters =
        new PoseOrder(
            project.id(),
            project.subjectImage(),
            project.subjectName(),
            project.subjectPersona(),
            batch.textPrompt(),
            batch.backgroundPrompt(),
            formats);
    Payment payment =
        !quotas.inForce(userId, PoseGenerator.ID)
            ? Payment.CREDITS
            : Boolean.TRUE.equals(order.useCreditsWhenQuotaRunsOut())
                ? Payment.QUOTA_OR_CREDITS
                : Payment.QUOTA;
    GenerationRequests.Accepted accepted =
        requests.submit(
            new GenerationRequests.Order(
                    userId,
                    PoseGenerator.ID,
                    PoseGenerator.DRAW_POSE,
                    parameters.toJson(),
                    description(project, batch.size()),
                    parts)
                .paidWith(payment));
    UUID generationId = accepted.generation().id();
    em.persist(
        new PoseBatch(
            generationId,
            project.id(),
            userId,
            batch.textPrompt(),
            batch.backgroundPrompt(),
            formats,
            batch.size()));
    if (project.avatarId() != null) {
      // An avatar deleted meanwhile has no history to add to; the project poses its own copy.
      avatars
          .forUse(project.avatarId(), userId)
          .ifPresent(
              avatar ->
                  avatars.record(
                      avatar,
                      PoseGenerator.ID,
                      POSED_IN_BATCH,
                      GENERATION_REFERENCE,
                      generationId));
    }
    return accepted;
  }

  private static String description(PoseProject project, int poses) {
    return poses
        + (poses == 1 ? " pose" : " poses")
        + " for \""
        + Texts.abbreviate(project.name(), 60)
        + "\"";
  }
}
