package com.lumiku.poses.control;

import com.lumiku.avatars.control.AvatarUsages;
import com.lumiku.avatars.entity.Avatar;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.poses.entity.GeneratedPose;
import com.lumiku.poses.entity.PoseProject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A user's Pose Generator projects and their subjects. A project's subject changes, and a project
 * is deleted, only while none of its batches is under way (their jobs read the project's pictures):
 * both lock the project row first ({@code FOR UPDATE}), as ordering a batch locks it to share, so a
 * batch ordered at the same moment either comes first (and the change is refused) or finds the
 * project changed or gone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PoseProjects {

  private static final Logger LOG = Logger.getLogger(PoseProjects.class.getName());

  /** The action recorded in an avatar's usage history when a project poses it. */
  static final String POSED_IN_PROJECT = "posed-in-project";

  static final String PROJECT_REFERENCE = "pose-project";

  /** What a model's prompt calls the subject of an uploaded picture. */
  static final String UPLOADED_SUBJECT = "the person in the photo";

  @PersistenceContext EntityManager em;
  @Inject AvatarUsages avatars;
  @Inject ImageStore images;

  @Transactional
  public PoseProject create(UUID userId, String name, String description, UUID avatarId) {
    FieldRules.projectTexts(name, true, description);
    PoseProject project = new PoseProject(userId, name, description);
    em.persist(project);
    if (avatarId != null) {
      poseAvatar(project, avatarId);
    }
    return project;
  }

  /**
   * The user's project.
   *
   * @throws ProblemException 404 if it does not exist or belongs to somebody else
   */
  public PoseProject owned(UUID projectId, UUID userId) {
    return checkedOwner(em.find(PoseProject.class, projectId), projectId, userId);
  }

  /**
   * The user's project, locked to share for the caller's transaction: it can be neither deleted nor
   * given another subject until that commits (see the class comment).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PoseProject ownedForOrder(UUID projectId, UUID userId) {
    // FOR SHARE in SQL: EclipseLink makes PESSIMISTIC_READ a FOR UPDATE, which would make orders
    // of one project, and the workers' inserts of their poses, wait for each other.
    em.createNativeQuery("SELECT id FROM pose_projects WHERE id = ?1 FOR SHARE")
        .setParameter(1, projectId)
        .getResultList();
    return owned(projectId, userId);
  }

  /** A page of the user's projects, newest first. */
  public List<PoseProject> of(UUID userId, PageCursor after, int limit) {
    TypedQuery<PoseProject> query =
        em.createQuery(
                "SELECT p FROM PoseProject p WHERE p.userId = :userId"
                    + PageCursor.jpqlAfter(after, "p")
                    + PageCursor.jpqlOrder("p"),
                PoseProject.class)
            .setParameter("userId", userId);
    return PageCursor.bind(query, after, limit).getResultList();
  }

  /** A new project posing an uploaded picture (already checked and re-encoded). */
  @Transactional
  public PoseProject createWithUpload(
      UUID userId, String name, String description, byte[] png, byte[] thumbnailPng) {
    FieldRules.projectTexts(name, true, description);
    PoseProject project = new PoseProject(userId, name, description);
    em.persist(project);
    poseUpload(project, png, thumbnailPng);
    return project;
  }

  /**
   * Changes to a project; null fields stay as they are.
   *
   * @param name the new name
   * @param description the new description (blank: none)
   * @param avatarId one of the user's avatars to pose from now on
   */
  public record Changes(String name, String description, UUID avatarId) {}

  /**
   * Changes the project, all or nothing.
   *
   * @throws ProblemException 404 for a project or avatar that is not the user's; 409 for a new
   *     avatar while a batch is under way
   */
  @Transactional
  public PoseProject change(UUID projectId, UUID userId, Changes changes) {
    FieldRules.projectTexts(changes.name(), false, changes.description());
    PoseProject project =
        changes.avatarId() == null
            ? owned(projectId, userId)
            : lockedWhenIdle(projectId, userId, "given another avatar");
    if (changes.name() != null || changes.description() != null) {
      project.rename(
          changes.name() == null ? project.name() : changes.name(),
          changes.description() == null ? project.description() : changes.description());
    }
    if (changes.avatarId() != null) {
      poseAvatar(project, changes.avatarId());
    }
    return project;
  }

  /**
   * Poses an uploaded picture (already checked and re-encoded) in the project from now on.
   *
   * @throws ProblemException 409 while a batch is under way
   */
  @Transactional
  public PoseProject poseUpload(UUID projectId, UUID userId, byte[] png, byte[] thumbnailPng) {
    PoseProject project = lockedWhenIdle(projectId, userId, "given another picture");
    poseUpload(project, png, thumbnailPng);
    return project;
  }

  private void poseUpload(PoseProject project, byte[] png, byte[] thumbnailPng) {
    replaceSubject(project, null, UPLOADED_SUBJECT, null, images.store(png, thumbnailPng));
  }

  /**
   * Deletes the project with its poses (their pictures go once the deletion has committed); its
   * batches' generations and their ledger entries stay.
   *
   * @throws ProblemException 409 while a batch is under way
   */
  @Transactional
  public void delete(UUID projectId, UUID userId) {
    PoseProject project = lockedWhenIdle(projectId, userId, "deleted");
    List<GeneratedPose> poses =
        em.createQuery(
                "SELECT g FROM GeneratedPose g WHERE g.projectId = :projectId", GeneratedPose.class)
            .setParameter("projectId", project.id())
            .getResultList();
    poses.forEach(
        pose ->
            images.deleteAfterCommit(
                new ImageStore.StoredImage(pose.imagePath(), pose.thumbnailPath())));
    discardSubject(project);
    em.remove(project);
    LOG.log(
        Level.INFO,
        "Deleted pose project {0} of user {1} with {2} poses",
        new Object[] {project.id(), userId, poses.size()});
  }

  private void poseAvatar(PoseProject project, UUID avatarId) {
    Avatar avatar =
        avatars
            .forUse(avatarId, project.userId())
            .orElseThrow(() -> ProblemException.notFound("Avatar " + avatarId));
    ImageStore.StoredImage copy;
    try {
      copy = images.copy(new ImageStore.StoredImage(avatar.imagePath(), avatar.thumbnailPath()));
    } catch (NoSuchElementException gone) {
      throw ProblemException.conflict("The avatar's picture is gone; choose another avatar.");
    }
    replaceSubject(project, avatar.id(), avatar.name(), avatar.prompt(), copy);
    em.flush();
    avatars.record(avatar, PoseGenerator.ID, POSED_IN_PROJECT, PROJECT_REFERENCE, project.id());
  }

  private void replaceSubject(
      PoseProject project,
      UUID avatarId,
      String name,
      String persona,
      ImageStore.StoredImage picture) {
    discardSubject(project);
    project.pose(avatarId, name, persona, picture.image(), picture.thumbnail());
  }

  private void discardSubject(PoseProject project) {
    if (project.hasSubject()) {
      images.deleteAfterCommit(
          new ImageStore.StoredImage(project.subjectImage(), project.subjectThumbnail()));
    }
  }

  /** The user's project, locked for a change, once none of its batches is under way. */
  private PoseProject lockedWhenIdle(UUID projectId, UUID userId, String change) {
    PoseProject project =
        checkedOwner(
            em.find(PoseProject.class, projectId, LockModeType.PESSIMISTIC_WRITE),
            projectId,
            userId);
    long underWay =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM pose_generations b JOIN generations g"
                            + " ON g.id = b.generation_id WHERE b.project_id = ?1"
                            + " AND g.status IN (?2, ?3)")
                    .setParameter(1, project.id())
                    .setParameter(2, GenerationStatus.PENDING.code())
                    .setParameter(3, GenerationStatus.PROCESSING.code())
                    .getSingleResult())
            .longValue();
    if (underWay > 0) {
      throw ProblemException.conflict(
          "The project cannot be " + change + " while a batch of it is under way.");
    }
    return project;
  }

  /**
   * A project's name (1 to 100 characters, one line; absent allowed when not {@code required}) and
   * description (at most 500, lines allowed).
   *
   * @throws ProblemException 400 naming each field that breaks its rule
   */
  private static PoseProject checkedOwner(PoseProject project, UUID projectId, UUID userId) {
    if (project == null || !project.userId().equals(userId)) {
      throw ProblemException.notFound("Project " + projectId);
    }
    return project;
  }
}
