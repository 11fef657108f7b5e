package com.lumiku.avatars.control;

import com.lumiku.avatars.entity.Avatar;
import com.lumiku.avatars.entity.AvatarUsage;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Other apps' way to a user's avatars: find one the user owns, and record its use in the avatar's
 * usage history (in the caller's transaction, so the use and the action that caused it commit
 * together).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AvatarUsages {

  @PersistenceContext EntityManager em;

  /**
   * The user's avatar.
   *
   * @throws ProblemException 404 if it does not exist or belongs to somebody else
   */
  public Avatar owned(UUID avatarId, UUID userId) {
    Avatar avatar = em.find(Avatar.class, avatarId);
    if (avatar == null || !avatar.userId().equals(userId)) {
      throw ProblemException.notFound("Avatar " + avatarId);
    }
    return avatar;
  }

  /**
   * The user's avatar, locked for the caller's transaction so that it cannot be deleted before the
   * use is recorded (FOR KEY SHARE: other uses and renames go on meanwhile); empty if it does not
   * exist (any more) or belongs to somebody else.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Avatar> forUse(UUID avatarId, UUID userId) {
    if (em.createNativeQuery("SELECT id FROM avatars WHERE id = ?1 FOR KEY SHARE")
        .setParameter(1, avatarId)
        .getResultList()
        .isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Avatar.class, avatarId))
        .filter(avatar -> avatar.userId().equals(userId));
  }

  /**
   * Records that an app used the avatar (see {@link AvatarUsage}) and counts the use on the avatar,
   * with one conditional update (concurrent uses each count).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Avatar avatar, String app, String action, String referenceType, UUID referenceId) {
    AvatarUsage usage = new AvatarUsage(avatar, app, action, referenceType, referenceId);
    em.persist(usage);
    em.createNativeQuery(
            "UPDATE avatars SET usage_count = usage_count + 1,"
                + " last_used_at = greatest(last_used_at, ?1) WHERE id = ?2")
        .setParameter(1, usage.usedAt())
        .setParameter(2, avatar.id())
        .executeUpdate();
  }

  /** The avatar's uses, newest first, at most {@code limit}. */
  public List<AvatarUsage> of(UUID avatarId, int limit) {
    return em.createNamedQuery(AvatarUsage.OF_AVATAR, AvatarUsage.class)
        .setParameter("avatarId", avatarId)
        .setMaxResults(limit)
        .getResultList();
  }
}
