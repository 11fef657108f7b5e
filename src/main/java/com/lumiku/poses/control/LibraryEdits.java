package com.lumiku.poses.control;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.database.UniqueViolation;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Operators' edits of the pose library: categories and poses created, changed and retired. Nothing
 * is deleted: batches, drawn poses and pose requests refer to library poses, and a pose retired
 * after a batch was ordered is still drawn for it. A retired pose leaves the public library at
 * once; a retired category takes its poses out of the listings with it.
 *
 * <p>The categories stay a tree of two levels: a parent is an active top-level category, a category
 * with sub-categories gets no parent, and one with active sub-categories is not retired (they go
 * first). A category is locked ({@code FOR UPDATE}) while it changes. Slugs are unique by the
 * database's key, so a duplicate is a 409 even when two operators race for the same slug.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LibraryEdits {

  private static final Logger LOG = Logger.getLogger(LibraryEdits.class.getName());

  private static final String CATEGORIES = "pose_categories";
  private static final String POSES = "pose_library";

  @PersistenceContext EntityManager em;
  @Inject PoseLibrary library;

  /**
   * A new category.
   *
   * @param category checked by {@link CategoryEdit#checkedNew}
   * @throws ProblemException 400 for a parent that is not an active top-level category, 409 for a
   *     slug in use
   */
  @Transactional
  public PoseLibrary.Category createCategory(UUID operatorId, CategoryEdit category) {
    if (category.parentId() != null) {
      checkParent(category.parentId());
    }
    UUID id = UUID.randomUUID();
    NativeSql.Columns columns =
        categoryColumns(category)
            .put("id", id)
            .put(
                "display_order",
                category.displayOrder() == null
                    ? nextDisplayOrder(category.parentId())
                    : category.displayOrder());
    uniqueSlug(category.slug(), () -> columns.insertInto(em, CATEGORIES));
    LOG.log(
        Level.INFO,
        "Operator {0} created pose category {1} ({2})",
        new Object[] {operatorId, id, category.slug()});
    return library.category(id).orElseThrow();
  }

  /**
   * Changes a category; absent fields stay as they are.
   *
   * @param changes checked by {@link CategoryEdit#checkedChanges}
   * @throws ProblemException 404 for an unknown category; 400 for a parent that is not another
   *     active top-level category; 409 for a slug in use, a parent for a category that has
   *     sub-categories, retiring one with active sub-categories or bringing one back under a
   *     retired parent
   */
  @Transactional
  public PoseLibrary.Category changeCategory(UUID operatorId, UUID id, CategoryEdit changes) {
    if (changes.parentId() != null && !changes.parentId().equals(id)) {
      // Both rows, in id order: two operators moving two categories under each other at once
      // would otherwise both pass the checks (a cycle, or three levels), or deadlock.
      lock(id.compareTo(changes.parentId()) < 0 ? id : changes.parentId());
    }
    PoseLibrary.Category current = lockedCategory(id);
    if (changes.parentId() != null) {
      if (changes.parentId().equals(id)) {
        throw ProblemException.invalid(
            List.of(new FieldError("parentId", "must be another category.")));
      }
      checkParent(changes.parentId());
      if (subCategories(id, false) > 0) {
        throw ProblemException.conflict(
            "The category has sub-categories, so it cannot go under another (two levels only).");
      }
    }
    boolean active = changes.retired() == null ? current.active() : !changes.retired();
    if (current.active() && !active && subCategories(id, true) > 0) {
      throw ProblemException.conflict("The category has active sub-categories; retire them first.");
    }
    if (!current.active()
        && active
        && changes.parentId() == null
        && current.parentId() != null
        && !library.category(current.parentId()).orElseThrow().active()) {
      throw ProblemException.conflict("The category's parent is retired; bring it back first.");
    }
    NativeSql.Columns columns =
        categoryColumns(changes).put("display_order", changes.displayOrder());
    if (!columns.isEmpty()) {
      uniqueSlug(changes.slug(), () -> columns.update(em, CATEGORIES, id, ""));
      LOG.log(
          Level.INFO,
          "Operator {0} changed pose category {1} ({2}): {3}",
          new Object[] {operatorId, id, current.slug(), columns.names()});
    }
    return library.category(id).orElseThrow();
  }

  /**
   * Retires a category: it and its poses leave the public library (the poses stay orderable by id
   * and drawable).
   *
   * @throws ProblemException 404 for an unknown category, 409 while it has active sub-categories
   */
  @Transactional
  public PoseLibrary.Category retireCategory(UUID operatorId, UUID id) {
    return changeCategory(operatorId, id, CategoryEdit.retiring(true));
  }

  /**
   * A new pose in the library.
   *
   * @param pose checked by {@link PoseEdit#checkedNew}
   * @return its id
   * @throws ProblemException 400 for a category that is not an active one
   */
  @Transactional
  public UUID createPose(UUID operatorId, PoseEdit.Checked pose) {
    library.activeCategory("categoryId", pose.categoryId());
    UUID id = UUID.randomUUID();
    poseColumns(pose).put("id", id).put("created_at", UtcClock.now()).insertInto(em, POSES);
    LOG.log(
        Level.INFO,
        "Operator {0} added pose {1} ({2}) to the library",
        new Object[] {operatorId, id, pose.name()});
    return id;
  }

  /**
   * Changes a library pose; absent fields stay as they are.
   *
   * @param changes checked by {@link PoseEdit#checkedChanges}
   * @throws ProblemException 404 for an unknown pose, 400 for a category that is not an active one
   */
  @Transactional
  public void changePose(UUID operatorId, UUID poseId, PoseEdit.Checked changes) {
    if (changes.categoryId() != null) {
      library.activeCategory("categoryId", changes.categoryId());
    }
    NativeSql.Columns columns = poseColumns(changes);
    boolean found =
        columns.isEmpty()
            ? library.isRetired(poseId).isPresent()
            : columns.update(em, POSES, poseId, "") == 1;
    if (!found) {
      throw ProblemException.notFound("Pose " + poseId);
    }
    if (!columns.isEmpty()) {
      LOG.log(
          Level.INFO,
          "Operator {0} changed library pose {1}: {2}",
          new Object[] {operatorId, poseId, columns.names()});
    }
  }

  /**
   * Retires a pose: it leaves the public library; batches ordered before are still drawn.
   *
   * @throws ProblemException 404 for an unknown pose
   */
  @Transactional
  public void retirePose(UUID operatorId, UUID poseId) {
    changePose(operatorId, poseId, PoseEdit.retiring(true).checkedChanges());
  }

  private static NativeSql.Columns categoryColumns(CategoryEdit category) {
    return new NativeSql.Columns()
        .put("parent_id", category.parentId())
        .put("slug", category.slug())
        .put("display_name", category.displayName())
        .put("description", category.description())
        .put("icon", category.icon())
        .put("color", category.color())
        .put("active", category.retired() == null ? null : !category.retired());
  }

  private static NativeSql.Columns poseColumns(PoseEdit.Checked pose) {
    return new NativeSql.Columns()
        .put("category_id", pose.categoryId())
        .put("name", pose.name())
        .put("description", pose.description())
        .put("difficulty", pose.difficulty() == null ? null : pose.difficulty().code())
        .put("gender_suitability", pose.gender() == null ? null : pose.gender().code())
        .put("tags", pose.tags() == null ? null : arrayLiteral(pose.tags()), "text[]")
        .put("keypoints", pose.keypoints(), "jsonb")
        .put("controlnet_weight", pose.controlnetWeight())
        .put("featured", pose.featured())
        .put("is_public", pose.retired() == null ? null : !pose.retired());
  }

  /**
   * Tags as a PostgreSQL array literal, {@code {a,b}}: safe without quoting, since a tag is
   * letters, digits and hyphens ({@link PoseEdit}); an empty list is {@code {}}, which a bound Java
   * array would not say as plainly.
   */
  static String arrayLiteral(List<String> tags) {
    return "{" + String.join(",", tags) + "}";
  }

  /** The category, locked for the caller's transaction. */
  /**
   * Locks the category's row for the transaction.
   *
   * @return false if there is no such category
   */
  private boolean lock(UUID id) {
    return !em.createNativeQuery("SELECT id FROM pose_categories WHERE id = ?1 FOR UPDATE")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  private PoseLibrary.Category lockedCategory(UUID id) {
    if (!lock(id)) {
      throw ProblemException.notFound("Pose category " + id);
    }
    return library.category(id).orElseThrow();
  }

  /**
   * A parent must be an active top-level category: the tree has two levels. Locked first, so that
   * it cannot be retired or moved under another while a child goes under it.
   */
  private void checkParent(UUID parentId) {
    lock(parentId);
    if (library.activeCategory("parentId", parentId).parentId() != null) {
      throw ProblemException.invalid(
          List.of(
              new FieldError(
                  "parentId", "must be a top-level category (categories have two levels).")));
    }
  }

  private long subCategories(UUID id, boolean activeOnly) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM pose_categories WHERE parent_id = ?1"
                        + (activeOnly ? " AND active" : ""))
                .setParameter(1, id)
                .getSingleResult())
        .longValue();
  }

  /** After the last of its siblings (top-level categories when there is no parent). */
  private int nextDisplayOrder(UUID parentId) {
    Query last =
        parentId == null
            ? em.createNativeQuery(
                "SELECT coalesce(max(display_order), 0) FROM pose_categories"
                    + " WHERE parent_id IS NULL")
            : em.createNativeQuery(
                    "SELECT coalesce(max(display_order), 0) FROM pose_categories"
                        + " WHERE parent_id = ?1")
                .setParameter(1, parentId);
    return ((Number) last.getSingleResult()).intValue() + 1;
  }

  /** Runs a write of a category, answering a slug in use with 409. */
  private static void uniqueSlug(String slug, IntSupplier write) {
    try {
      write.getAsInt();
    } catch (RuntimeException e) {
      if (slug != null && UniqueViolation.isCauseOf(e)) {
        throw ProblemException.conflict("There is already a pose category " + slug + ".");
      }
      throw e;
    }
  }
}
