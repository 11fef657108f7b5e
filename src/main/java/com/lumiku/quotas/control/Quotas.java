package com.lumiku.quotas.control;

import com.lumiku.platform.UtcClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quota tiers: daily allowances of units (poses) in one app, spent instead of credits. Every change
 * is one conditional {@code UPDATE} of the tier row, so concurrent orders queue on it and never
 * take more than the day's quota, plus one append-only ledger entry in the same transaction ({@code
 * quota_transactions}); a give-back happens once per reference (the database's unique key).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Quotas {

  private static final Logger LOG = Logger.getLogger(Quotas.class.getName());

  static final String CONSUME = "consume";
  static final String GIVE_BACK = "give-back";
  static final String EXTEND = "extend";
  static final String SHORTEN = "shorten";

  /**
   * Today's {@code used}: the stored count if it is today's, else nothing yet. (A day another
   * instance, whose clock is a little ahead, has already started counts as today: the tier's day
   * never goes back.)
   */
  private static final String USED_TODAY = "(CASE WHEN quota_day >= ?1 THEN used ELSE 0 END)";

  @PersistenceContext EntityManager em;
  @Inject QuotaDays days;

  /** A user's tier in an app as it stands today. */
  public record Tier(
      UUID userId,
      String app,
      boolean active,
      int dailyQuota,
      int usedToday,
      OffsetDateTime expiresAt,
      OffsetDateTime resetsAt) {

    /** Whether it pays for orders now: active and not expired. */
    public boolean inForce(OffsetDateTime now) {
      return active && expiresAt.isAfter(now);
    }

    public int remainingToday() {
      return Math.max(0, dailyQuota - usedToday);
    }
  }

  /**
   * What a paid change of a tier did: the end before (null: there was no tier) and after, and the
   * daily quota after.
   */
  public record TierChange(
      OffsetDateTime previousExpiresAt, OffsetDateTime expiresAt, int dailyQuota) {

    /** How much earlier the tier now ends (zero if it does not end earlier). */
    public Duration shortenedBy() {
      return previousExpiresAt == null || !expiresAt.isBefore(previousExpiresAt)
          ? Duration.ZERO
          : Duration.between(expiresAt, previousExpiresAt);
    }
  }

  /**
   * Extends the user's tier in the app by {@code extraDays} with {@code dailyQuota} units a day,
   * once per {@code reference} (e.g. a paid plan): the tier ends {@code extraDays} after its
   * current end if it is in force, else after now, and is active; a tier in force keeps a bigger
   * daily quota than this one (see {@link TierExpiry}). A user without a tier gets one. Concurrent
   * callers queue on the tier row; the {@code quota_grants} entry, unique per reference, records
   * the change, so a second call for the same reference changes nothing.
   *
   * @return the change, or empty if this reference extended the tier already
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<TierChange> extend(
      UUID userId,
      String app,
      int extraDays,
      int dailyQuota,
      String referenceType,
      UUID referenceId) {
    if (extraDays <= 0 || dailyQuota <= 0) {
      throw new IllegalArgumentException(
          "Not an extension: " + extraDays + " days of " + dailyQuota);
    }
    OffsetDateTime now = UtcClock.now();
    // A new tier starts ended (inactive, expiring now), so that it is extended like any other.
    boolean created =
        em.createNativeQuery(
                    "INSERT INTO quota_tiers (user_id, app, active, daily_quota, used, quota_day,"
                        + " expires_at, granted_at, updated_at)"
                        + " VALUES (?1, ?2, false, ?3, 0, ?4, ?5, ?5, ?5)"
                        + " ON CONFLICT (user_id, app) DO NOTHING")
                .setParameter(1, userId)
                .setParameter(2, app)
                .setParameter(3, dailyQuota)
                .setParameter(4, days.today())
                .setParameter(5, now)
                .executeUpdate()
            == 1;
    LockedTier tier = lockTier(userId, app).orElseThrow();
    boolean inForce = tier.inForce(now);
    OffsetDateTime previous = created ? null : tier.expiresAt();
    OffsetDateTime until = TierExpiry.extended(tier.active(), tier.expiresAt(), now, extraDays);
    int quota = TierExpiry.extendedQuota(inForce, tier.dailyQuota(), dailyQuota);
    if (!recordChange(
        new Grant(
            userId,
            app,
            EXTEND,
            extraDays,
            dailyQuota,
            previous,
            until,
            inForce ? tier.dailyQuota() : null,
            quota),
        referenceType,
        referenceId,
        now)) {
      return Optional.empty();
    }
    setTier(userId, app, until, quota, true, now);
    LOG.log(
        Level.INFO,
        "Quota tier of user {0} in {1} extended by {2} days for {3} {4}: {5} a day until {6}"
            + " (was {7} a day until {8})",
        new Object[] {
          userId,
          app,
          extraDays,
          referenceType,
          referenceId,
          quota,
          until,
          tier.dailyQuota(),
          previous
        });
    return Optional.of(new TierChange(previous, until, quota));
  }

  /**
   * Takes back what is still unused of the extension made for {@code reference} (e.g. a refunded
   * plan), once: the part of its days after now comes off the tier's end, never into the past, and
   * the daily quota it raised goes back if nothing else changed it (see {@link TierExpiry}).
   *
   * @return the change, or empty if this reference shortened the tier already
   * @throws IllegalStateException if the reference extended no tier of the user in the app
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<TierChange> shorten(
      UUID userId, String app, String referenceType, UUID referenceId) {
    OffsetDateTime now = UtcClock.now();
    LockedTier tier =
        lockTier(userId, app)
            .orElseThrow(
                () -> new IllegalStateException("User " + userId + " has no tier in " + app));
    Object[] extension =
        extension(userId, app, referenceType, referenceId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        referenceType + " " + referenceId + " extended no tier in " + app));
    OffsetDateTime boughtUntil = UtcClock.toOffset(extension[0]);
    int boughtDays = ((Number) extension[1]).intValue();
    Integer quotaBefore = extension[2] == null ? null : ((Number) extension[2]).intValue();
    int quotaSet = ((Number) extension[3]).intValue();
    OffsetDateTime until =
        TierExpiry.shortened(tier.active(), tier.expiresAt(), now, boughtUntil, boughtDays);
    int quota =
        TierExpiry.refundedQuota(
            tier.active() && until.isAfter(now),
            tier.dailyQuota(),
            quotaBefore,
            quotaSet,
            otherExtensionsQuota(userId, app, referenceType, referenceId, now));
    if (!recordChange(
        new Grant(
            userId,
            app,
            SHORTEN,
            boughtDays,
            null,
            tier.expiresAt(),
            until,
            tier.dailyQuota(),
            quota),
        referenceType,
        referenceId,
        now)) {
      return Optional.empty();
    }
    setTier(userId, app, until, quota, false, now);
    TierChange change = new TierChange(tier.expiresAt(), until, quota);
    LOG.log(
        Level.INFO,
        "Quota tier of user {0} in {1} shortened by {2} (of {3} days bought) for {4} {5}:"
            + " {6} a day until {7} (was {8} a day until {9})",
        new Object[] {
          userId,
          app,
          change.shortenedBy(),
          boughtDays,
          referenceType,
          referenceId,
          quota,
          until,
          tier.dailyQuota(),
          tier.expiresAt()
        });
    return Optional.of(change);
  }

  /**
   * Takes {@code units} of today's quota of the user's tier in the app, if it is in force and has
   * them left, and records it for {@code reference}.
   *
   * @return false (and nothing changed) if there is no such tier in force or not enough is left
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean tryConsume(
      UUID userId, String app, int units, String referenceType, UUID referenceId) {
    if (units <= 0) {
      throw new IllegalArgumentException("Not a consumption: " + units);
    }
    LocalDate today = days.today();
    OffsetDateTime now = UtcClock.now();
    @SuppressWarnings("unchecked")
    List<Object[]> counted =
        em.createNativeQuery(
                "UPDATE quota_tiers SET used = "
                    + USED_TODAY
                    + " + ?2, quota_day = greatest(quota_day, ?1), updated_at = ?3"
                    + " WHERE user_id = ?4 AND app = ?5 AND active AND expires_at > ?3 AND "
                    + USED_TODAY
                    + " + ?2 <= daily_quota RETURNING used, quota_day")
            .setParameter(1, today)
            .setParameter(2, units)
            .setParameter(3, now)
            .setParameter(4, userId)
            .setParameter(5, app)
            .getResultList();
    if (counted.isEmpty()) {
      return false;
    }
    LocalDate day = toDate(counted.get(0)[1]);
    record(userId, app, day, CONSUME, -units, referenceType, referenceId, now);
    LOG.log(
        Level.INFO,
        "User {0} used {1} of the {2} quota for {3} {4}; {5} used on {6}",
        new Object[] {userId, units, app, referenceType, referenceId, counted.get(0)[0], day});
    return true;
  }

  /**
   * Gives back {@code units} of what the consumption for {@code consumed} took, once per {@code
   * reference}: they count again on the day they were taken (if that is still the tier's day;
   * another day has its own quota).
   *
   * @return true if this call gave them back
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean giveBack(
      UUID userId,
      String app,
      int units,
      String consumedType,
      UUID consumedId,
      String referenceType,
      UUID referenceId) {
    @SuppressWarnings("unchecked")
    List<LocalDate> consumedOn =
        em.createNativeQuery(
                "SELECT quota_day FROM quota_transactions WHERE type = ?1"
                    + " AND reference_type = ?2 AND reference_id = ?3")
            .setParameter(1, CONSUME)
            .setParameter(2, consumedType)
            .setParameter(3, consumedId)
            .getResultList();
    if (consumedOn.isEmpty()) {
      throw new IllegalStateException(
          "Nothing was consumed for " + consumedType + " " + consumedId + " to give back");
    }
    LocalDate day = toDate(consumedOn.get(0));
    OffsetDateTime now = UtcClock.now();
    if (!record(userId, app, day, GIVE_BACK, units, referenceType, referenceId, now)) {
      return false;
    }
    em.createNativeQuery(
            "UPDATE quota_tiers SET used = used - ?1, updated_at = ?2"
                + " WHERE user_id = ?3 AND app = ?4 AND quota_day = ?5")
        .setParameter(1, units)
        .setParameter(2, now)
        .setParameter(3, userId)
        .setParameter(4, app)
        .setParameter(5, day)
        .executeUpdate();
    LOG.log(
        Level.INFO,
        "Gave back {0} of the {1} quota of user {2} for {3} {4} (taken on {5})",
        new Object[] {units, app, userId, referenceType, referenceId, day});
    return true;
  }

  /** The user's tier in the app, as it stands today. */
  public Optional<Tier> tier(UUID userId, String app) {
    return tiers(userId, app).stream().findFirst();
  }

  /** The user's tiers, one per app. */
  public List<Tier> tiers(UUID userId) {
    return tiers(userId, null);
  }

  /** Whether the user's tier in the app pays for orders now. */
  public boolean inForce(UUID userId, String app) {
    return tier(userId, app).filter(t -> t.inForce(UtcClock.now())).isPresent();
  }

  /**
   * Gives the user the tier in the app (or changes it): active, with this daily quota, until {@code
   * expiresAt}. What was used today still counts.
   */
  @Transactional
  public Tier grant(UUID userId, String app, int dailyQuota, OffsetDateTime expiresAt) {
    if (dailyQuota <= 0) {
      throw new IllegalArgumentException("A daily quota must be positive: " + dailyQuota);
    }
    OffsetDateTime now = UtcClock.now();
    em.createNativeQuery(
            "INSERT INTO quota_tiers (user_id, app, active, daily_quota, used, quota_day,"
                + " expires_at, granted_at, updated_at) VALUES (?1, ?2, true, ?3, 0, ?4, ?5, ?6, ?6)"
                + " ON CONFLICT (user_id, app) DO UPDATE SET active = true, daily_quota = ?3,"
                + " expires_at = ?5, updated_at = ?6")
        .setParameter(1, userId)
        .setParameter(2, app)
        .setParameter(3, dailyQuota)
        .setParameter(4, days.today())
        .setParameter(5, expiresAt)
        .setParameter(6, now)
        .executeUpdate();
    LOG.log(
        Level.INFO,
        "Quota tier of user {0} in {1}: {2} a day until {3}",
        new Object[] {userId, app, dailyQuota, expiresAt});
    return tier(userId, app).orElseThrow();
  }

  /**
   * Ends the user's tier in the app now (orders pay with credits again).
   *
   * @return false if there was none
   */
  @Transactional
  public boolean revoke(UUID userId, String app) {
    int ended =
        em.createNativeQuery(
                "UPDATE quota_tiers SET active = false, updated_at = ?1"
                    + " WHERE user_id = ?2 AND app = ?3")
            .setParameter(1, UtcClock.now())
            .setParameter(2, userId)
            .setParameter(3, app)
            .executeUpdate();
    if (ended > 0) {
      LOG.log(Level.INFO, "Quota tier of user {0} in {1} revoked", new Object[] {userId, app});
    }
    return ended > 0;
  }

  private List<Tier> tiers(UUID userId, String app) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT user_id, app, active, daily_quota, "
                    + USED_TODAY
                    + ", expires_at FROM quota_tiers WHERE user_id = ?2"
                    + " AND (?3 = '' OR app = ?3) ORDER BY app")
            .setParameter(1, days.today())
            .setParameter(2, userId)
            .setParameter(3, app == null ? "" : app)
            .getResultList();
    OffsetDateTime resets = days.nextReset();
    return rows.stream()
        .map(
            r ->
                new Tier(
                    (UUID) r[0],
                    (String) r[1],
                    (Boolean) r[2],
                    ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue(),
                    UtcClock.toOffset(r[5]),
                    resets))
        .toList();
  }

  /** A tier's row as locked for a change. */
  private record LockedTier(boolean active, OffsetDateTime expiresAt, int dailyQuota) {

    boolean inForce(OffsetDateTime now) {
      return active && expiresAt.isAfter(now);
    }
  }

  /** The tier, locked until the transaction ends. */
  private Optional<LockedTier> lockTier(UUID userId, String app) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT active, expires_at, daily_quota FROM quota_tiers"
                    + " WHERE user_id = ?1 AND app = ?2 FOR UPDATE")
            .setParameter(1, userId)
            .setParameter(2, app)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new LockedTier(
                    (Boolean) r[0], UtcClock.toOffset(r[1]), ((Number) r[2]).intValue()));
  }

  /**
   * The extension the reference made of the user's tier in the app: its end, days, and the daily
   * quota before and after it.
   */
  private Optional<Object[]> extension(
      UUID userId, String app, String referenceType, UUID referenceId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT expires_at, days, previous_daily_quota, new_daily_quota FROM quota_grants"
                    + " WHERE type = ?1 AND reference_type = ?2 AND reference_id = ?3"
                    + " AND user_id = ?4 AND app = ?5")
            .setParameter(1, EXTEND)
            .setParameter(2, referenceType)
            .setParameter(3, referenceId)
            .setParameter(4, userId)
            .setParameter(5, app)
            .getResultList();
    return rows.stream().findFirst();
  }

  /**
   * The largest daily quota of the user's other extensions in the app that are not taken back and
   * not over yet (0 if none): what they still give when one is refunded.
   */
  private int otherExtensionsQuota(
      UUID userId, String app, String referenceType, UUID referenceId, OffsetDateTime now) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT coalesce(max(e.daily_quota), 0) FROM quota_grants e"
                        + " WHERE e.user_id = ?1 AND e.app = ?2 AND e.type = ?3"
                        + " AND e.expires_at > ?4"
                        + " AND NOT (e.reference_type = ?5 AND e.reference_id = ?6)"
                        + " AND NOT EXISTS (SELECT 1 FROM quota_grants s WHERE s.type = ?7"
                        + " AND s.reference_type = e.reference_type"
                        + " AND s.reference_id = e.reference_id)")
                .setParameter(1, userId)
                .setParameter(2, app)
                .setParameter(3, EXTEND)
                .setParameter(4, now)
                .setParameter(5, referenceType)
                .setParameter(6, referenceId)
                .setParameter(7, SHORTEN)
                .getSingleResult())
        .intValue();
  }

  /** Sets the tier's end and daily quota (an extension also activates it). */
  private void setTier(
      UUID userId,
      String app,
      OffsetDateTime until,
      int dailyQuota,
      boolean activate,
      OffsetDateTime now) {
    em.createNativeQuery(
            "UPDATE quota_tiers SET expires_at = ?1, updated_at = ?2, active = active OR ?5,"
                + " daily_quota = ?6 WHERE user_id = ?3 AND app = ?4")
        .setParameter(1, until)
        .setParameter(2, now)
        .setParameter(3, userId)
        .setParameter(4, app)
        .setParameter(5, activate)
        .setParameter(6, dailyQuota)
        .executeUpdate();
  }

  /**
   * A paid change of a tier, as {@code quota_grants} records it (see the V15 migration).
   *
   * @param dailyQuota an extension's own daily quota (null for a shortening)
   * @param previousDailyQuota the tier's before (null for an extension of a tier not in force)
   */
  private record Grant(
      UUID userId,
      String app,
      String type,
      int days,
      Integer dailyQuota,
      OffsetDateTime previousExpiresAt,
      OffsetDateTime expiresAt,
      Integer previousDailyQuota,
      int newDailyQuota) {}

  /** Records a paid change of a tier unless one of this type already names the reference. */
  private boolean recordChange(
      Grant grant, String referenceType, UUID referenceId, OffsetDateTime now) {
    return em.createNativeQuery(
                "INSERT INTO quota_grants (id, user_id, app, type, days, daily_quota,"
                    + " previous_expires_at, expires_at, previous_daily_quota, new_daily_quota,"
                    + " reference_type, reference_id, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS integer), CAST(?7 AS timestamptz),"
                    + " ?8, CAST(?9 AS integer), ?10, ?11, ?12, ?13) ON CONFLICT DO NOTHING")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, grant.userId())
            .setParameter(3, grant.app())
            .setParameter(4, grant.type())
            .setParameter(5, grant.days())
            .setParameter(6, grant.dailyQuota())
            .setParameter(7, grant.previousExpiresAt())
            .setParameter(8, grant.expiresAt())
            .setParameter(9, grant.previousDailyQuota())
            .setParameter(10, grant.newDailyQuota())
            .setParameter(11, referenceType)
            .setParameter(12, referenceId)
            .setParameter(13, now)
            .executeUpdate()
        == 1;
  }

  /** Appends a ledger entry unless one of this type already names the reference. */
  private boolean record(
      UUID userId,
      String app,
      LocalDate day,
      String type,
      int amount,
      String referenceType,
      UUID referenceId,
      OffsetDateTime now) {
    return em.createNativeQuery(
                "INSERT INTO quota_transactions (id, user_id, app, quota_day, type, amount,"
                    + " reference_type, reference_id, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, userId)
            .setParameter(3, app)
            .setParameter(4, day)
            .setParameter(5, type)
            .setParameter(6, amount)
            .setParameter(7, referenceType)
            .setParameter(8, referenceId)
            .setParameter(9, now)
            .executeUpdate()
        == 1;
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }
}
