package com.lumiku.avatars.control;

import com.lumiku.apps.AppRegistry;
import com.lumiku.avatars.entity.Avatar;
import com.lumiku.avatars.entity.SourceType;
import com.lumiku.credits.control.Ledger;
import com.lumiku.credits.entity.CreditTransaction;
import com.lumiku.imaging.AcceptedImage;
import com.lumiku.platform.Texts;
import com.lumiku.platform.storage.ImageStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes avatars of uploaded photos, for a price ({@code lumiku.apps.avatar-creator.cost.upload}).
 * The picture arrives already checked and re-encoded (see {@code PictureUploads}); here, in one
 * transaction: the project is locked to share (it cannot be deleted meanwhile), the charge is taken
 * (402 changes nothing, and nothing has been written yet), the files are written and the avatar row
 * added. If anything after the charge fails, the transaction rolls back and the image store removes
 * the files again. The ledger entry refers to the avatar ({@value #LEDGER_REFERENCE}), once.
 */
@ApplicationScoped
public class AvatarUploads {

  private static final Logger LOG = Logger.getLogger(AvatarUploads.class.getName());

  /** What the upload's ledger entry refers to: the avatar it made. */
  public static final String LEDGER_REFERENCE = "avatar-upload";

  @PersistenceContext EntityManager em;
  @Inject AvatarProjects projects;
  @Inject AppRegistry registry;
  @Inject Ledger ledger;
  @Inject ImageStore images;

  /** An avatar made of an upload, what it cost and the balance left. */
  public record Uploaded(Avatar avatar, long creditUsed, long creditBalance) {}

  /**
   * @throws com.lumiku.platform.problem.ProblemException 404 if the project is not the user's
   * @throws com.lumiku.credits.control.InsufficientCredits if the balance does not cover the price
   */
  @Transactional
  public Uploaded upload(
      UUID userId,
      UUID projectId,
      AvatarDraft.Resolved who,
      AcceptedImage picture,
      byte[] thumbnailPng) {
    projects.lockToAdd(projectId, userId);
    UUID avatarId = UUID.randomUUID();
    long cost = registry.cost(AvatarCreator.ID, AvatarCreator.UPLOAD);
    long balance =
        cost == 0
            ? ledger.balance(userId)
            : ledger.deduct(
                userId,
                cost,
                new CreditTransaction.Reference(LEDGER_REFERENCE, avatarId),
                "Avatar upload \"" + Texts.abbreviate(who.name(), 60) + "\"");
    ImageStore.StoredImage stored = images.store(picture.png(), thumbnailPng);
    Avatar avatar =
        Avatar.uploaded(
            avatarId,
            projectId,
            userId,
            new Avatar.Profile(
                who.name(), null, who.persona(), who.attributes(), SourceType.UPLOADED, null),
            new Avatar.Picture(
                stored.image(), stored.thumbnail(), picture.width(), picture.height()));
    em.persist(avatar);
    LOG.log(
        Level.INFO,
        "Stored uploaded avatar {0} ({1} x {2}, from {3}) in project {4} of user {5} for {6}"
            + " credits, {7} left",
        new Object[] {
          avatarId,
          picture.width(),
          picture.height(),
          picture.source(),
          projectId,
          userId,
          cost,
          balance
        });
    return new Uploaded(avatar, cost, balance);
  }
}
