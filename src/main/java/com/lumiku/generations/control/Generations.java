package com.lumiku.generations.control;

import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.generations.entity.Job;
import com.lumiku.platform.PageCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored generations and their jobs: adding and reading them. Their status changes only through
 * {@link StatusChanges}.
 */
@ApplicationScoped
public class Generations {

  @PersistenceContext EntityManager em;
  @Inject QueuePositions positions;

  /**
   * Stores a new generation and its jobs, written as the transaction commits: in a group commit,
   * with every other order's rows in a few batched statements. The jobs' reference to their
   * generation is checked at commit (V18), so EclipseLink may write them in any order. The queue
   * positions of this transaction's later orders count it whether it is written yet or not ({@link
   * QueuePositions#added}). (The price: an insert that fails, which nothing a client sends can
   * cause, fails at the next flush or at the commit, i.e. the batch, rather than its own order.)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(Generation.NewGeneration generation) {
    em.persist(generation.generation());
    generation.jobs().forEach(em::persist);
    positions.added(generation.generation());
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

  /**
   * The jobs as the database has them now, each with its generation, read together: a worker's
   * bundle reads all its jobs in one query instead of one per job.
   *
   * @param generationByJob each job's id and the id of the generation it belongs to
   * @return by job id; a job that is not there (or not of that generation) is left out
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, JobOf> reloadJobsOf(Map<UUID, UUID> generationByJob) {
    if (generationByJob.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT j, g FROM Job j, Generation g WHERE j.id IN :jobs"
                    + " AND j.generationId = g.id",
                Object[].class)
            .setParameter("jobs", List.copyOf(generationByJob.keySet()))
            .setHint("eclipselink.refresh", true)
            .getResultList();
    Map<UUID, JobOf> found = new HashMap<>();
    for (Object[] row : rows) {
      Job job = (Job) row[0];
      Generation generation = (Generation) row[1];
      if (generation.id().equals(generationByJob.get(job.id()))) {
        found.put(job.id(), new JobOf(job, generation));
      }
    }
    return found;
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
