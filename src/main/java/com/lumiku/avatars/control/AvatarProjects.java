package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.Avatar;
import com.lumiku.avatars.entity.AvatarProject;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** A user's avatar projects and the avatars in them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvatarProjects {

  @PersistenceContext EntityManager em;

  @Transactional
  public AvatarProject create(UUID userId, String name, String description) {
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

  public List<AvatarProject> of(UUID userId) {
    return em.createNamedQuery(AvatarProject.OF_USER, AvatarProject.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  public List<Avatar> avatars(UUID projectId) {
    return em.createNamedQuery(Avatar.OF_PROJECT, Avatar.class)
        .setParameter("projectId", projectId)
        .getResultList();
  }
}
