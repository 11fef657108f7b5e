package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.generations.entity.Job;
import com.lumiku.platform.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored generations and their jobs: adding and reading them. Their status changes only through
 * {@link StatusChanges}.
 */
@ApplicationScoped
public class Generations {

  @PersistenceContext EntityManager em;

  /** Stores a new generation and its jobs. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(Generation.NewGeneration generation) {
    em.persist(generation.generation());
    // The jobs refer to the generation, and nothing tells EclipseLink to insert it first. The
    // flush also keeps a group commit's queue positions right: the 202 of each order counts the
    // pending generations ahead of it, its batch's earlier orders included, without flushing.
    em.flush();
    generation.jobs().forEach(em::persist);
  }

  /** The job as the database has it now, even after conditional updates in this transaction. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Job> reloadJob(UUID id) {
    return em.createQuery("SELECT j FROM Job j WHERE j.id = :id", Job.class)
        .setParameter("id", id)
        .setHint("eclipselink.refresh", true)
        .getResultStream()
        .findFirst();
  }

  /** A job and its generation. */
  public record JobOf(Job job, Generation generation) {}

  /**
   * The job as the database has it now and its generation, read together (a worker reads both for
   * every job it takes: one query instead of two).
   *
   * @return empty if the job is not there (or not of that generation)
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<JobOf> reloadJobOf(UUID jobId, UUID generationId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT j, g FROM Job j, Generation g WHERE j.id = :job AND g.id = :generation"
                    + " AND j.generationId = g.id",
                Object[].class)
            .setParameter("job", jobId)
            .setParameter("generation", generationId)
            .setHint("eclipselink.refresh", true)
            .getResultList();
    return rows.stream().findFirst().map(row -> new JobOf((Job) row[0], (Generation) row[1]));
  }

  /** The generation's jobs in order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Job> jobs(UUID generationId) {
    return em.createQuery(
            "SELECT j FROM Job j WHERE j.generationId = :generationId ORDER BY j.position",
            Job.class)
        .setParameter("generationId", generationId)
        .setHint("eclipselink.refresh", true)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Generation> find(UUID id) {
    return Optional.ofNullable(em.find(Generation.class, id));
  }

  /**
   * The generation as the database has it now, even after conditional updates in this transaction.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Generation> reload(UUID id) {
    return em.createQuery("SELECT g FROM Generation g WHERE g.id = :id", Generation.class)
        .setParameter("id", id)
        .setHint("eclipselink.refresh", true)
        .getResultStream()
        .findFirst();
  }

  /** The generation if it exists and belongs to the user. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Generation> findOwned(UUID id, UUID userId) {
    return find(id).filter(generation -> generation.userId().equals(userId));
  }

  /** The user's generations of an app that no worker has started, as the database has them now. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Generation> unstarted(UUID userId, String app) {
    return em.createQuery(
            "SELECT g FROM Generation g WHERE g.userId = :userId AND g.app = :app"
                + " AND g.status = :pending",
            Generation.class)
        .setParameter("userId", userId)
        .setParameter("app", app)
        .setParameter("pending", GenerationStatus.PENDING)
        .setHint("eclipselink.refresh", true)
        .getResultList();
  }

  /** A page of the user's generations, newest first, after the given position. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Generation> list(UUID userId, GenerationFilter filter, PageCursor after, int limit) {
    StringBuilder jpql = new StringBuilder("SELECT g FROM Generation g WHERE g.userId = :userId");
    if (filter.status() != null) {
      jpql.append(" AND g.status = :status");
    }
    if (filter.app() != null) {
      jpql.append(" AND g.app = :app");
    }
    jpql.append(PageCursor.jpqlAfter(after, "g")).append(PageCursor.jpqlOrder("g"));
    TypedQuery<Generation> query =
        em.createQuery(jpql.toString(), Generation.class).setParameter("userId", userId);
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.app() != null) {
      query.setParameter("app", filter.app());
    }
    return PageCursor.bind(query, after, limit).getResultList();
  }

  /** The user's generations that have not ended yet, newest first, at most {@code limit}. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Generation> unfinished(UUID userId, int limit) {
    return em.createQuery(
            "SELECT g FROM Generation g WHERE g.userId = :userId"
                + " AND (g.status = :pending OR g.status = :processing)"
                + " ORDER BY g.createdAt DESC, g.id DESC",
            Generation.class)
        .setParameter("userId", userId)
        .setParameter("pending", GenerationStatus.PENDING)
        .setParameter("processing", GenerationStatus.PROCESSING)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Which generations a listing shows; null fields do not filter. */
  public record GenerationFilter(GenerationStatus status, String app) {}
}
