package com.lumiku.platform.audit;

import com.lumiku.platform.Page;
import com.lumiku.platform.PageCursor;
import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The admin audit: who did what to whom, when, and with which request (the reason is part of it),
 * one append-only row per operator action in the action's own transaction.
 */
@ApplicationScoped
public class AdminAudit {

  @PersistenceContext EntityManager em;

  /** One entry as operators read it. */
  public record Entry(
      UUID id,
      OffsetDateTime at,
      UUID adminId,
      String action,
      String targetType,
      String targetId,
      String details) {}

  /** Records an action; only inside the action's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      UUID adminId, String action, String targetType, String targetId, String details) {
    em.createNativeQuery(
            "INSERT INTO admin_audit (id, at, admin_id, action, target_type, target_id, details)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, UtcClock.now())
        .setParameter(3, adminId)
        .setParameter(4, action)
        .setParameter(5, targetType)
        .setParameter(6, targetId.length() > 100 ? targetId.substring(0, 100) : targetId)
        .setParameter(7, details)
        .executeUpdate();
  }

  /** Newest first, {@code limit} entries after the cursor. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<Entry> list(PageCursor after, int limit) {
    var query =
        em.createNativeQuery(
            "SELECT id, at, admin_id, action, target_type, target_id, details FROM admin_audit"
                + (after == null ? "" : " WHERE (at, id) < (?1, ?2)")
                + " ORDER BY at DESC, id DESC LIMIT "
                + (limit + 1));
    if (after != null) {
      query.setParameter(1, after.createdAt()).setParameter(2, after.id());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    List<Entry> entries =
        rows.stream()
            .map(
                row ->
                    new Entry(
                        (UUID) row[0],
                        UtcClock.toOffset(row[1]),
                        (UUID) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5],
                        (String) row[6]))
            .toList();
    return Page.of(entries, limit, entry -> entry, entry -> new PageCursor(entry.at(), entry.id()));
  }
}
