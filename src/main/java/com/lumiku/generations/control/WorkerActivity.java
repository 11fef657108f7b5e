package com.lumiku.generations.control;

import com.lumiku.generations.entity.EndedBy;
import com.lumiku.generations.entity.GenerationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the workers did lately, counted from the jobs they ended. */
@ApplicationScoped
public class WorkerActivity {

  @PersistenceContext EntityManager em;

  /** Outcomes since a moment, and when that kind of work last started or ended. */
  public record Figures(long completed, long failed, OffsetDateTime lastActivityAt) {}

  /**
   * Jobs of {@code app} of these types (those one kind of worker does) that ended since {@code
   * since}, completed or failed (whoever failed them), and when one of them last started or ended.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Figures ofWorker(String app, Set<String> jobTypes, OffsetDateTime since) {
    List<String> types = List.copyOf(jobTypes);
    String ofTheseTypes =
        IntStream.range(0, types.size())
            .mapToObj(i -> "?" + (i + 3))
            .collect(Collectors.joining(", ", " IN (", ")"));
    Query query =
        em.createNativeQuery(
            "SELECT count(*) FILTER (WHERE "
                + StatusSql.in("j.status", Set.of(GenerationStatus.COMPLETED))
                + "), count(*) FILTER (WHERE "
                + StatusSql.in("j.status", Set.of(GenerationStatus.FAILED))
                + "), greatest(max(j.completed_at),"
                + " (SELECT max(p.started_at) FROM generation_jobs p"
                + " JOIN generations pg ON pg.id = p.generation_id WHERE "
                + StatusSql.in("p.status", Set.of(GenerationStatus.PROCESSING))
                + " AND pg.app = ?1 AND pg.type"
                + ofTheseTypes
                + "), (SELECT max(h.completed_at) FROM generations h WHERE h.app = ?1"
                + " AND h.type"
                + ofTheseTypes
                + "))"
                + " FROM generation_jobs j JOIN generations g ON g.id = j.generation_id"
                + " WHERE j.completed_at > ?2 AND g.app = ?1 AND g.type"
                + ofTheseTypes);
    query.setParameter(1, app).setParameter(2, since);
    for (int i = 0; i < types.size(); i++) {
      query.setParameter(i + 3, types.get(i));
    }
    return figures((Object[]) query.getSingleResult());
  }

  /** Jobs the dead-letter consumer ended since {@code since}: all of them failed, and when last. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Figures ofDeadLetters(OffsetDateTime since) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT 0, count(*), max(completed_at) FROM generation_jobs"
                        + " WHERE ended_by = ?1 AND completed_at > ?2")
                .setParameter(1, EndedBy.DEAD_LETTER.code())
                .setParameter(2, since)
                .getSingleResult();
    return figures(row);
  }

  private static Figures figures(Object[] row) {
    return new Figures(
        ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), toOffsetDateTime(row[2]));
  }

  private static OffsetDateTime toOffsetDateTime(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
    return null;
  }
}
