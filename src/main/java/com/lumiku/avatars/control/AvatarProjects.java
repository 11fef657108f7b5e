package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.Avatar;
import com.lumiku.avatars.entity.AvatarProject;
import com.lumiku.generations.control.Cancellations;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A user's avatar projects and the avatars in them.
 *
 * <p>What adds to a project (an order, an upload, a worker storing a drawn avatar) locks its row to
 * share ({@link #lockToAdd}); deleting it locks the row for update first. So an order placed while
 * the project is deleted either commits first, and is then canceled and refunded by the deletion,
 * or finds the project gone; a worker drawing for a deleted project finds it gone and fails the
 * job, which refunds it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvatarProjects {

  private static final Logger LOG = Logger.getLogger(AvatarProjects.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Cancellations cancellations;
  @Inject ImageStore images;

  @Transactional
  public AvatarProject create(UUID userId, String name, String description) {
    FieldRules.projectTexts(name, true, description);
    AvatarProject project = new AvatarProject(userId, name, description);
    em.persist(project);
    return project;
  }

  /**
   * The user's project.
   *
   * @throws ProblemException 404 if it does not exist or belongs to somebody else
   */
  public AvatarProject owned(UUID projectId, UUID userId) {
    AvatarProject project = em.find(AvatarProject.class, projectId);
    if (project == null || !project.userId().equals(userId)) {
      throw ProblemException.notFound("Project " + projectId);
    }
    return project;
  }

  /**
   * Locks the user's project to share for the caller's transaction: it cannot be deleted until that
   * commits (see the class comment). One statement, which reads the owner with the lock (every
   * order takes it, on the task that commits every order).
   *
   * @throws ProblemException 404 if it does not exist (any more) or belongs to somebody else
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockToAdd(UUID projectId, UUID userId) {
    if (lockedOwner(projectId).filter(userId::equals).isEmpty()) {
      throw ProblemException.notFound("Project " + projectId);
    }
  }

  /**
   * Locks the project to share for the caller's transaction, as {@link #lockToAdd(UUID, UUID)}
   * does, for a worker adding to it.
   *
   * @return whether it still exists
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean lockToAdd(UUID projectId) {
    return lockedOwner(projectId).isPresent();
  }

  /** Locks the project to share and reads its owner; empty if it does not exist. */
  private Optional<UUID> lockedOwner(UUID projectId) {
    // FOR SHARE in SQL: EclipseLink makes PESSIMISTIC_READ a FOR UPDATE, which would make orders
    // of one project, and the workers' inserts of their avatars, wait for each other.
    // It reads only the project's row: nothing this transaction has still to write is flushed.
    return em.createNativeQuery("SELECT user_id FROM avatar_projects WHERE id = ?1 FOR SHARE")
        .setFlushMode(FlushModeType.COMMIT)
        .setParameter(1, projectId)
        .getResultStream()
        .findFirst()
        .map(UUID.class::cast);
  }

  public List<AvatarProject> of(UUID userId) {
    return em.createNamedQuery(AvatarProject.OF_USER, AvatarProject.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  /** A page of the project's avatars, newest first, after {@code after}. */
  public List<Avatar> avatars(UUID projectId, PageCursor after, int limit) {
    return PageCursor.bind(
            em.createQuery(
                "SELECT a FROM Avatar a WHERE a.projectId = :projectId"
                    + PageCursor.jpqlAfter(after, "a")
                    + PageCursor.jpqlOrder("a"),
                Avatar.class),
            after,
            limit)
        .setParameter("projectId", projectId)
        .getResultList();
  }

  /**
   * Renames the project and/or changes its description (null: unchanged).
   *
   * @throws ProblemException 404 if it is not the user's
   */
  @Transactional
  public AvatarProject change(UUID projectId, UUID userId, String name, String description) {
    FieldRules.projectTexts(name, false, description);
    AvatarProject project = owned(projectId, userId);
    project.change(name, description);
    return project;
  }

  /**
   * Deletes the project with its avatars, whose pictures go once the deletion has committed; their
   * usage histories go with them, and pose projects that copied one keep their copy. The project's
   * unstarted orders are canceled and refunded in the same transaction; the generations and their
   * ledger entries stay, as history.
   *
   * @return the ids of the canceled generations
   * @throws ProblemException 404 if it is not the user's
   */
  @Transactional
  public List<UUID> delete(UUID projectId, UUID userId) {
    owned(projectId, userId);
    if (em.createNativeQuery("SELECT id FROM avatar_projects WHERE id = ?1 FOR UPDATE")
        .setParameter(1, projectId)
        .getResultList()
        .isEmpty()) {
      // Deleted by a request that committed while this one waited for the lock.
      throw ProblemException.notFound("Project " + projectId);
    }
    List<UUID> canceled =
        cancellations.cancelUnstarted(
            userId,
            AvatarCreator.ID,
            parameters -> projectId.equals(AvatarPrompt.projectOf(parameters)));
    List<Avatar> avatars =
        em.createQuery("SELECT a FROM Avatar a WHERE a.projectId = :projectId", Avatar.class)
            .setParameter("projectId", projectId)
            .getResultList();
    avatars.forEach(this::remove);
    // Avatars refer to the project by a plain column: EclipseLink must delete them first.
    em.flush();
    em.remove(em.find(AvatarProject.class, projectId));
    LOG.log(
        Level.INFO,
        "Deleted avatar project {0} of user {1}: {2} avatars, {3} orders canceled",
        new Object[] {projectId, userId, avatars.size(), canceled.size()});
    return canceled;
  }

  /**
   * The user's avatar in the project.
   *
   * @throws ProblemException 404 if either is not the user's, or the avatar is in another project
   */
  public Avatar avatar(UUID projectId, UUID avatarId, UUID userId) {
    Avatar avatar = em.find(Avatar.class, avatarId);
    if (avatar == null
        || !avatar.userId().equals(userId)
        || !avatar.projectId().equals(projectId)) {
      throw ProblemException.notFound("Avatar " + avatarId);
    }
    return avatar;
  }

  /**
   * Renames the avatar.
   *
   * @throws ProblemException 404 if it is not the user's
   */
  @Transactional
  public Avatar rename(UUID projectId, UUID avatarId, UUID userId, String name) {
    List<FieldError> errors = new ArrayList<>();
    FieldRules.required("name", name, AvatarDraft.MAX_NAME, FieldRules.Lines.ONE, errors);
    FieldRules.refuseIfAny(errors);
    Avatar avatar = avatar(projectId, avatarId, userId);
    avatar.rename(name);
    return avatar;
  }

  /**
   * Deletes the avatar; its pictures go once that has committed, so its image URLs stop working.
   *
   * @throws ProblemException 404 if it is not the user's
   */
  @Transactional
  public void deleteAvatar(UUID projectId, UUID avatarId, UUID userId) {
    remove(avatar(projectId, avatarId, userId));
    LOG.log(Level.INFO, "Deleted avatar {0} of user {1}", new Object[] {avatarId, userId});
  }

  private void remove(Avatar avatar) {
    images.deleteAfterCommit(
        new ImageStore.StoredImage(avatar.imagePath(), avatar.thumbnailPath()));
    em.remove(avatar);
  }
}
