package com.lumiku.poses.control;

import com.lumiku.platform.PageCursor;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.poses.entity.GeneratedPose;
import com.lumiku.poses.entity.PoseBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The poses a user's batches drew: listed by project (all, or the favourites), favourited, deleted.
 * A favourite counts on its library pose ({@code favorite_count}); each change of a pose's
 * favourite flag is a conditional update, so the count moves once per real change however often a
 * client repeats it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PoseResults {

  @PersistenceContext EntityManager em;
  @Inject ImageStore images;

  /** A page of the project's poses, newest first; only favourites if asked. */
  public List<GeneratedPose> of(
      UUID projectId, boolean favoritesOnly, PageCursor after, int limit) {
    TypedQuery<GeneratedPose> query =
        em.createQuery(
                "SELECT g FROM GeneratedPose g WHERE g.projectId = :projectId"
                    + (favoritesOnly ? " AND g.favorite = true" : "")
                    + PageCursor.jpqlAfter(after, "g")
                    + PageCursor.jpqlOrder("g"),
                GeneratedPose.class)
            .setParameter("projectId", projectId);
    return PageCursor.bind(query, after, limit).getResultList();
  }

  /**
   * The user's pose in the project.
   *
   * @throws ProblemException 404 unless it exists, is in that project and is the user's
   */
  public GeneratedPose owned(UUID projectId, UUID poseResultId, UUID userId) {
    GeneratedPose pose = em.find(GeneratedPose.class, poseResultId);
    if (pose == null || !pose.userId().equals(userId) || !pose.projectId().equals(projectId)) {
      throw ProblemException.notFound("Pose " + poseResultId);
    }
    return pose;
  }

  /**
   * Marks the pose a favourite, or not.
   *
   * @return the pose as it is now
   * @throws ProblemException 404 unless it is the user's, in that project
   */
  @Transactional
  public GeneratedPose favorite(UUID projectId, UUID poseResultId, UUID userId, boolean favorite) {
    owned(projectId, poseResultId, userId);
    @SuppressWarnings("unchecked")
    List<Object> changed =
        em.createNativeQuery(
                "UPDATE generated_poses SET favorite = ?1 WHERE id = ?2 AND favorite <> ?1"
                    + " RETURNING pose_id")
            .setParameter(1, favorite)
            .setParameter(2, poseResultId)
            .getResultList();
    if (!changed.isEmpty() && changed.get(0) != null) {
      countFavorite((UUID) changed.get(0), favorite ? 1 : -1);
    }
    return reloaded(poseResultId);
  }

  /**
   * Deletes the pose; its pictures go once that has committed.
   *
   * @throws ProblemException 404 unless it is the user's, in that project
   */
  @Transactional
  public void delete(UUID projectId, UUID poseResultId, UUID userId) {
    GeneratedPose pose = owned(projectId, poseResultId, userId);
    @SuppressWarnings("unchecked")
    List<Object[]> deleted =
        em.createNativeQuery(
                "DELETE FROM generated_poses WHERE id = ?1 RETURNING pose_id, favorite")
            .setParameter(1, poseResultId)
            .getResultList();
    if (deleted.isEmpty()) {
      throw ProblemException.notFound("Pose " + poseResultId);
    }
    if (deleted.get(0)[0] != null && Boolean.TRUE.equals(deleted.get(0)[1])) {
      countFavorite((UUID) deleted.get(0)[0], -1);
    }
    images.deleteAfterCommit(new ImageStore.StoredImage(pose.imagePath(), pose.thumbnailPath()));
    em.detach(pose);
  }

  /**
   * The user's batch in the project, and its poses in the order they were drawn.
   *
   * @throws ProblemException 404 unless the batch is the user's, in that project
   */
  public BatchPoses batch(UUID projectId, UUID generationId, UUID userId) {
    PoseBatch batch = em.find(PoseBatch.class, generationId);
    if (batch == null || !batch.userId().equals(userId) || !batch.projectId().equals(projectId)) {
      throw ProblemException.notFound("Batch " + generationId);
    }
    List<GeneratedPose> poses =
        em.createQuery(
                "SELECT g FROM GeneratedPose g WHERE g.generationId = :generationId"
                    + " ORDER BY g.createdAt, g.id",
                GeneratedPose.class)
            .setParameter("generationId", generationId)
            .getResultList();
    return new BatchPoses(batch, poses);
  }

  /** A batch and the poses it drew (so far). */
  public record BatchPoses(PoseBatch batch, List<GeneratedPose> poses) {}

  private GeneratedPose reloaded(UUID poseResultId) {
    return em.createQuery("SELECT g FROM GeneratedPose g WHERE g.id = :id", GeneratedPose.class)
        .setParameter("id", poseResultId)
        .setHint("eclipselink.refresh", true)
        .getSingleResult();
  }

  private void countFavorite(UUID libraryPoseId, int delta) {
    em.createNativeQuery(
            "UPDATE pose_library SET favorite_count = greatest(favorite_count + ?1, 0)"
                + " WHERE id = ?2")
        .setParameter(1, delta)
        .setParameter(2, libraryPoseId)
        .executeUpdate();
  }
}
