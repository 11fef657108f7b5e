package com.lumiku.poses.control;

import com.lumiku.platform.Page;
import com.lumiku.platform.PageSize;
import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.poses.entity.PoseRequest;
import com.lumiku.poses.entity.PoseRequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pose requests: poses users ask the library to add, the votes other users give them, and the
 * operators' decisions on them.
 *
 * <p>A vote is a row keyed by request and user, so a user's repeated or concurrent votes are one
 * row; the request's {@code vote_count} moves in the same transaction only when a row was really
 * added ({@code INSERT ... ON CONFLICT DO NOTHING RETURNING}) or removed ({@code DELETE ...
 * RETURNING}), under the request's row lock, so it always equals the number of rows. Votes are
 * taken while a request is open (pending or accepted); the count's update checks that again under
 * the lock, so a vote racing an operator's rejection either comes first or is refused. An
 * operator's decision is one conditional update on the status it was taken from.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PoseRequests {

  private static final Logger LOG = Logger.getLogger(PoseRequests.class.getName());

  private static final String SELECT =
      "SELECT r.id, r.user_id, r.name, r.description, c.id, c.slug, c.display_name,"
          + " r.reference_image, r.reference_thumbnail, r.status, r.admin_notes,"
          + " r.fulfilled_pose_id, r.vote_count, r.created_at, r.updated_at,"
          + " EXISTS (SELECT 1 FROM pose_request_votes v"
          + " WHERE v.request_id = r.id AND v.user_id = ?)"
          + " FROM pose_requests r LEFT JOIN pose_categories c ON c.id = r.category_id"
          + " WHERE true";

  @PersistenceContext EntityManager em;
  @Inject ImageStore images;
  @Inject PoseLibrary library;

  /**
   * A request as someone sees it: everything stored, and whether that someone voted for it.
   * Operators' notes are here for operators' views; users' views leave them out.
   */
  public record Item(
      UUID id,
      UUID userId,
      String name,
      String description,
      UUID categoryId,
      String categorySlug,
      String categoryName,
      String referenceImage,
      String referenceThumbnail,
      PoseRequestStatus status,
      String adminNotes,
      UUID fulfilledPoseId,
      long voteCount,
      boolean votedByViewer,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /**
   * What a listing shows: one status or all, in which order, after which cursor, how many.
   *
   * @param status only requests in this status; null for all
   */
  public record Listing(
      PoseRequestStatus status, RequestSort sort, RequestCursor after, int limit) {

    /**
     * A listing as a client asked for it in query parameters.
     *
     * @throws ProblemException 400 for an unknown status or order, a bad limit or a cursor of
     *     another listing
     */
    public static Listing parse(String status, String sort, String limit, String cursor) {
      RequestSort order = RequestSort.parseOrDefault(sort);
      return new Listing(
          PoseRequestStatus.parse("status", status),
          order,
          RequestCursor.decode(cursor, order),
          PageSize.parse(limit));
    }
  }

  /**
   * Stores a new pending request, with its reference picture (already checked and re-encoded) if
   * there is one: the files are removed again if the transaction rolls back.
   *
   * @param request checked by {@link NewPoseRequest#checked}
   * @param png the reference picture, or null
   * @param thumbnailPng its thumbnail, or null
   * @throws ProblemException 400 if the category is not an active one
   */
  @Transactional
  public Item create(UUID userId, NewPoseRequest request, byte[] png, byte[] thumbnailPng) {
    if (request.categoryId() != null) {
      library.activeCategory("categoryId", request.categoryId());
    }
    ImageStore.StoredImage picture = png == null ? null : images.store(png, thumbnailPng);
    PoseRequest stored =
        new PoseRequest(
            userId,
            request.name(),
            request.description(),
            request.categoryId(),
            picture == null ? null : picture.image(),
            picture == null ? null : picture.thumbnail());
    em.persist(stored);
    em.flush();
    LOG.log(Level.FINE, "User {0} requested pose {1}", new Object[] {userId, stored.id()});
    return find(stored.id(), userId);
  }

  /** A page of requests as the viewer sees them. */
  public Page<Item> page(Listing listing, UUID viewerId) {
    StringBuilder sql = new StringBuilder(SELECT);
    List<Object> values = new ArrayList<>(List.of(viewerId));
    if (listing.status() != null) {
      sql.append(" AND r.status = ?");
      values.add(listing.status().code());
    }
    if (listing.after() != null) {
      sql.append(listing.sort().after());
      values.addAll(listing.sort().values(listing.after()));
    }
    sql.append(listing.sort().order()).append(" LIMIT ?");
    values.add(listing.limit() + 1);
    return Page.ofCursors(
        items(sql.toString(), values),
        listing.limit(),
        item -> item,
        item ->
            new RequestCursor(listing.sort(), item.voteCount(), item.createdAt(), item.id())
                .encode());
  }

  /**
   * A request as the viewer sees it.
   *
   * @throws ProblemException 404 if there is no such request
   */
  public Item find(UUID requestId, UUID viewerId) {
    return items(SELECT + " AND r.id = ?", List.of(viewerId, requestId)).stream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("Pose request " + requestId));
  }

  /**
   * The user votes for the request; a repeated vote changes nothing.
   *
   * @return the request as the user sees it now
   * @throws ProblemException 404 for an unknown request, 409 if it is no longer open
   */
  @Transactional
  public Item vote(UUID requestId, UUID userId) {
    List<?> added =
        em.createNativeQuery(
                "INSERT INTO pose_request_votes (request_id, user_id, created_at)"
                    + " SELECT id, CAST(?2 AS uuid), CAST(?3 AS timestamptz) FROM pose_requests"
                    + " WHERE id = ?1 AND status IN (?4, ?5)"
                    + " ON CONFLICT DO NOTHING RETURNING request_id")
            .setParameter(1, requestId)
            .setParameter(2, userId)
            .setParameter(3, UtcClock.now())
            .setParameter(4, PoseRequestStatus.PENDING.code())
            .setParameter(5, PoseRequestStatus.ACCEPTED.code())
            .getResultList();
    if (added.isEmpty()) {
      checkOpen(requestId);
    } else {
      count(requestId, 1);
    }
    return find(requestId, userId);
  }

  /**
   * The user takes back their vote; withdrawing a vote never given changes nothing.
   *
   * @return the request as the user sees it now
   * @throws ProblemException 404 for an unknown request, 409 if it is no longer open
   */
  @Transactional
  public Item withdraw(UUID requestId, UUID userId) {
    List<?> removed =
        em.createNativeQuery(
                "DELETE FROM pose_request_votes WHERE request_id = ?1 AND user_id = ?2"
                    + " RETURNING request_id")
            .setParameter(1, requestId)
            .setParameter(2, userId)
            .getResultList();
    if (removed.isEmpty()) {
      checkOpen(requestId);
    } else {
      count(requestId, -1);
    }
    return find(requestId, userId);
  }

  /**
   * An operator's decision: a new status (see {@link PoseRequestStatus}) and/or new notes, applied
   * only if the request is still in the status the decision was checked against.
   *
   * @return the request as the operator sees it now
   * @throws ProblemException 404 for an unknown request; 409 for a move the request's life does not
   *     allow, or if another decision changed it meanwhile; 400 if the fulfilling pose is not a
   *     public library pose
   */
  @Transactional
  public Item review(UUID requestId, UUID operatorId, RequestReview.Checked decision) {
    PoseRequest request = em.find(PoseRequest.class, requestId);
    if (request == null) {
      throw ProblemException.notFound("Pose request " + requestId);
    }
    PoseRequestStatus from = request.status();
    boolean moves = decision.allowedFrom(from, request.fulfilledPoseId());
    boolean completes = moves && decision.status() == PoseRequestStatus.COMPLETED;
    if (completes && library.find(decision.fulfilledPoseId()).isEmpty()) {
      throw ProblemException.invalid(
          List.of(new FieldError("fulfilledPoseId", "must be a public pose of the library.")));
    }
    int changed =
        new NativeSql.Columns()
            .put("status", moves ? decision.status().code() : null)
            .put("admin_notes", decision.adminNotes())
            .put("fulfilled_pose_id", completes ? decision.fulfilledPoseId() : null)
            .put("updated_at", UtcClock.now())
            .update(em, "pose_requests", requestId, " AND status = ?", from.code());
    if (changed == 0) {
      throw ProblemException.conflict(
          "The request was changed meanwhile; read it again and decide again.");
    }
    LOG.log(
        Level.INFO,
        "Operator {0} reviewed pose request {1}: {2} -> {3}{4}",
        new Object[] {
          operatorId,
          requestId,
          from.code(),
          decision.status().code(),
          completes ? " fulfilled by pose " + decision.fulfilledPoseId() : ""
        });
    return find(requestId, operatorId);
  }

  /** Moves the vote count of an open request, under its row lock; 409 if it closed meanwhile. */
  private void count(UUID requestId, int delta) {
    int changed =
        em.createNativeQuery(
                "UPDATE pose_requests SET vote_count = vote_count + ?1"
                    + " WHERE id = ?2 AND status IN (?3, ?4)")
            .setParameter(1, delta)
            .setParameter(2, requestId)
            .setParameter(3, PoseRequestStatus.PENDING.code())
            .setParameter(4, PoseRequestStatus.ACCEPTED.code())
            .executeUpdate();
    if (changed == 0) {
      throw closed(requestId);
    }
  }

  /** 404 for an unknown request, 409 for a closed one; nothing for an open one. */
  private void checkOpen(UUID requestId) {
    @SuppressWarnings("unchecked")
    List<String> status =
        em.createNativeQuery("SELECT status FROM pose_requests WHERE id = ?1")
            .setParameter(1, requestId)
            .getResultList();
    if (status.isEmpty()) {
      throw ProblemException.notFound("Pose request " + requestId);
    }
    if (!PoseRequestStatus.ofCode(status.get(0)).isOpen()) {
      throw closed(requestId);
    }
  }

  private static ProblemException closed(UUID requestId) {
    return ProblemException.conflict(
        "Pose request "
            + requestId
            + " is closed: votes are taken while it is pending or accepted.");
  }

  private List<Item> items(String sql, List<Object> values) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = NativeSql.query(em, sql, values).getResultList();
    return rows.stream()
        .map(
            r ->
                new Item(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (UUID) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    PoseRequestStatus.ofCode((String) r[9]),
                    (String) r[10],
                    (UUID) r[11],
                    ((Number) r[12]).longValue(),
                    (Boolean) r[15],
                    UtcClock.toOffset(r[13]),
                    UtcClock.toOffset(r[14])))
        .toList();
  }
}
