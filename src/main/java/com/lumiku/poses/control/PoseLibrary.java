package com.lumiku.poses.control;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pose library: its categories, and its public poses found by category (with its
 * sub-categories), difficulty, gender suitability, tag, words and being featured, in pages sorted
 * by popularity, rating or age. Read with SQL the indexes of V7 serve (keyset pages, GIN on tags
 * and text).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PoseLibrary {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final String COLUMNS =
      "p.id, p.name, p.description, c.id, c.slug, c.display_name, p.difficulty,"
          + " p.gender_suitability, array_to_string(p.tags, ','), p.keypoints::text,"
          + " p.controlnet_weight, p.featured, p.usage_count, p.favorite_count, p.rating_avg,"
          + " p.created_at";

  @PersistenceContext EntityManager em;

  /** A category of the library. */
  public record Category(
      UUID id,
      UUID parentId,
      String slug,
      String displayName,
      String description,
      String icon,
      String color,
      int displayOrder,
      boolean active) {}

  /** A pose of the library, its keypoints as JSON. */
  public record Pose(
      UUID id,
      String name,
      String description,
      UUID categoryId,
      String categorySlug,
      String categoryName,
      String difficulty,
      String genderSuitability,
      List<String> tags,
      String keypoints,
      BigDecimal controlnetWeight,
      boolean featured,
      long usageCount,
      long favoriteCount,
      BigDecimal ratingAvg,
      OffsetDateTime createdAt) {}

  /** How a listing is filtered; null fields do not filter. */
  public record Filter(
      String category,
      Difficulty difficulty,
      Gender gender,
      String tag,
      String text,
      Boolean featured) {}

  /** The active categories, parents first, each level in display order. */
  public List<Category> categories() {
    return categories(" WHERE active", List.of());
  }

  /** Every category, retired ones too, parents first, each level in display order. */
  public List<Category> allCategories() {
    return categories("", List.of());
  }

  /** A category, active or retired. */
  public Optional<Category> category(UUID id) {
    return categories(" WHERE id = ?", List.of(id)).stream().findFirst();
  }

  /**
   * The active category a request body names in {@code field}.
   *
   * @throws ProblemException 400 on that field if there is no such category or it is retired
   */
  public Category activeCategory(String field, UUID id) {
    return category(id)
        .filter(Category::active)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    List.of(new FieldError(field, "must be an active pose category."))));
  }

  private List<Category> categories(String condition, List<Object> values) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        NativeSql.query(
                em,
                "SELECT id, parent_id, slug, display_name, description, icon, color, display_order,"
                    + " active FROM pose_categories"
                    + condition
                    + " ORDER BY parent_id IS NOT NULL, display_order, display_name",
                values)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Category(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    r[6] == null ? null : ((String) r[6]).strip(),
                    ((Number) r[7]).intValue(),
                    (Boolean) r[8]))
        .toList();
  }

  /**
   * A page of public poses after the cursor's position (limit + 1 asked by the caller tells it
   * whether there is more).
   *
   * @throws ProblemException 400 for a category that does not exist
   */
  public List<Pose> list(Filter filter, LibrarySort sort, LibraryCursor after, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(
                " FROM pose_library p JOIN pose_categories c ON c.id = p.category_id"
                    + " WHERE p.is_public AND c.active");
    List<Object> values = new ArrayList<>();
    if (filter.category() != null) {
      UUID category = categoryId(filter.category());
      sql.append(" AND (c.id = ? OR c.parent_id = ?)");
      values.add(category);
      values.add(category);
    }
    if (filter.difficulty() != null) {
      sql.append(" AND p.difficulty = ?");
      values.add(filter.difficulty().code());
    }
    if (filter.gender() != null && filter.gender() != Gender.ANY) {
      sql.append(" AND p.gender_suitability IN ('any', ?)");
      values.add(filter.gender().code());
    }
    if (filter.tag() != null) {
      sql.append(" AND p.tags @> ARRAY[CAST(? AS text)]");
      values.add(filter.tag().strip().toLowerCase(Locale.ROOT));
    }
    if (filter.text() != null) {
      String query = prefixQuery(filter.text());
      if (query.isEmpty()) {
        return List.of();
      }
      sql.append(" AND p.search_document @@ to_tsquery('simple', ?)");
      values.add(query);
    }
    if (filter.featured() != null) {
      sql.append(" AND p.featured = ?");
      values.add(filter.featured());
    }
    if (after != null) {
      sql.append(" AND (")
          .append(sort.column())
          .append(" < ? OR (")
          .append(sort.column())
          .append(" = ? AND p.id < ?))");
      Object value = sort.parse(after.value());
      values.add(value);
      values.add(value);
      values.add(after.id());
    }
    sql.append(" ORDER BY ").append(sort.column()).append(" DESC, p.id DESC LIMIT ?");
    values.add(limit);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = NativeSql.query(em, sql.toString(), values).getResultList();
    return rows.stream().map(PoseLibrary::pose).toList();
  }

  /** A public pose of the library. */
  public Optional<Pose> find(UUID id) {
    return pose(id, " AND p.is_public");
  }

  /**
   * A pose to draw for a batch, public or not: one retired after the batch was ordered is still
   * drawn.
   */
  public Optional<Pose> forDrawing(UUID id) {
    return pose(id, "");
  }

  /** A pose for operators: public or retired. */
  public Optional<Pose> findForOperators(UUID id) {
    return pose(id, "");
  }

  /** Whether the pose is retired (not public); empty if there is no such pose. */
  public Optional<Boolean> isRetired(UUID id) {
    return value("NOT is_public", id, "");
  }

  private Optional<Pose> pose(UUID id, String condition) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM pose_library p JOIN pose_categories c ON c.id = p.category_id"
                    + " WHERE p.id = ?1"
                    + condition)
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(PoseLibrary::pose);
  }

  /** Which of these ids are not public poses of the library (an order may not name them). */
  public Set<UUID> notPublic(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    @SuppressWarnings("unchecked")
    List<UUID> found =
        em.createNativeQuery(
                "SELECT id FROM pose_library WHERE is_public AND id = ANY(CAST(?1 AS uuid[]))")
            .setParameter(1, ids.stream().map(UUID::toString).toArray(String[]::new))
            .getResultList();
    Set<UUID> missing = new LinkedHashSet<>(ids);
    found.forEach(missing::remove);
    return missing;
  }

  /**
   * The public pose that best stands for a described pose, chosen the same way for the same words
   * and number: among the poses whose name, description or tags share a word with the description,
   * else among all; {@code number} picks one of them, so the poses of a batch differ.
   */
  public Optional<UUID> pick(String description, long number) {
    String anyWord = prefixQuery(description).replace(" & ", " | ");
    Optional<UUID> matching = anyWord.isEmpty() ? Optional.empty() : nth(anyWord, number);
    return matching.isPresent() ? matching : nth(null, number);
  }

  /** The {@code number}-th (modulo their count) public pose in id order matching the words. */
  private Optional<UUID> nth(String words, long number) {
    String where =
        " FROM pose_library WHERE is_public"
            + (words == null ? "" : " AND search_document @@ to_tsquery('simple', ?2)");
    Query count = em.createNativeQuery("SELECT count(*)" + where.replace("?2", "?1"));
    Query nth = em.createNativeQuery("SELECT id" + where + " ORDER BY id OFFSET ?1 LIMIT 1");
    if (words != null) {
      count.setParameter(1, words);
      nth.setParameter(2, words);
    }
    long poses = ((Number) count.getSingleResult()).longValue();
    if (poses == 0) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<UUID> ids = nth.setParameter(1, Math.floorMod(number, poses)).getResultList();
    return ids.stream().findFirst();
  }

  /** How many poses the library shows. */
  public long publicPoses() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM pose_library p JOIN pose_categories c"
                        + " ON c.id = p.category_id WHERE p.is_public AND c.active")
                .getSingleResult())
        .longValue();
  }

  /** Counts a use of the pose (a drawn pose of a batch), for the popular order. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void used(UUID poseId) {
    em.createNativeQuery("UPDATE pose_library SET usage_count = usage_count + 1 WHERE id = ?1")
        .setParameter(1, poseId)
        .executeUpdate();
  }

  /** The keypoints of a public pose, for drawing it. */
  public Optional<String> keypoints(UUID id) {
    return value("keypoints::text", id, " AND is_public");
  }

  /** One value ({@code expression}) of the pose with this id, if it exists and meets condition. */
  private <T> Optional<T> value(String expression, UUID id, String condition) {
    @SuppressWarnings("unchecked")
    List<T> rows =
        em.createNativeQuery(
                "SELECT " + expression + " FROM pose_library WHERE id = ?1" + condition)
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst();
  }

  private UUID categoryId(String slug) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery("SELECT id FROM pose_categories WHERE slug = ?1 AND active")
            .setParameter(1, slug.strip().toLowerCase(Locale.ROOT))
            .getResultList();
    if (ids.isEmpty()) {
      throw ProblemException.badRequest("There is no pose category " + slug + ".");
    }
    return ids.get(0);
  }

  /**
   * The words of a search as a prefix query: {@code war pose} finds "Warrior II" and every pose
   * tagged "pose..." (only letters and digits count, so nothing of the input reaches the query
   * syntax).
   */
  static String prefixQuery(String text) {
    return WORD.matcher(text.toLowerCase(Locale.ROOT))
        .results()
        .map(word -> word.group() + ":*")
        .limit(8)
        .collect(Collectors.joining(" & "));
  }

  private static Pose pose(Object[] r) {
    String tags = (String) r[8];
    return new Pose(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        (UUID) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        (String) r[7],
        tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
        (String) r[9],
        (BigDecimal) r[10],
        (Boolean) r[11],
        ((Number) r[12]).longValue(),
        ((Number) r[13]).longValue(),
        (BigDecimal) r[14],
        UtcClock.toOffset(r[15]));
  }
}
