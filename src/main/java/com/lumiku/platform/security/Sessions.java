package com.lumiku.platform.security;

import com.lumiku.platform.Sha256;
import com.lumiku.platform.UtcClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server side of sign-in sessions, in PostgreSQL so that every instance sees the same: refresh
 * tokens (opaque, random, stored as their SHA-256, used once each and rotated) and the denylist of
 * access tokens revoked before they expire.
 *
 * <p>A refresh token belongs to a family started at sign-in; each refresh marks the token used (a
 * conditional update, so two concurrent refreshes with one token cannot both win) and adds the next
 * token to the family. A used or revoked token presented again was copied or replayed: the whole
 * family is revoked, which ends the session of whoever holds the newer token too.
 */
@ApplicationScoped
public class Sessions {

  private static final Logger LOG = Logger.getLogger(Sessions.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/lumiku")
  DataSource database;

  @Inject
  @ConfigProperty(name = "lumiku.auth.refresh-lifetime")
  Duration refreshLifetime;

  /** A refresh that succeeded: whose session it is and the token that replaces the used one. */
  public record Rotated(UUID userId, String refreshToken) {}

  /** Starts a session's family of refresh tokens; returns its first token. */
  @Transactional
  public String open(UUID userId) {
    return insert(UUID.randomUUID(), userId);
  }

  /**
   * Uses a refresh token once: empty if it is unknown, expired, used or revoked (a used or revoked
   * one also revokes its family). Commits before returning, so a refusal keeps the revocation.
   */
  @Transactional
  public Optional<Rotated> rotate(String refreshToken) {
    byte[] hash = hash(refreshToken);
    OffsetDateTime now = UtcClock.now();
    @SuppressWarnings("unchecked")
    List<Object[]> used =
        em.createNativeQuery(
                "UPDATE refresh_tokens SET used_at = ?1 WHERE token_hash = ?2 AND used_at IS NULL"
                    + " AND revoked_at IS NULL AND expires_at > ?3 RETURNING user_id, family_id")
            .setParameter(1, now)
            .setParameter(2, hash)
            .setParameter(3, now)
            .getResultList();
    if (used.isEmpty()) {
      revokeFamilyOf(hash, now);
      return Optional.empty();
    }
    Object[] row = used.get(0);
    UUID userId = (UUID) row[0];
    return Optional.of(new Rotated(userId, insert((UUID) row[1], userId)));
  }

  /** Ends the family of this refresh token if it is the user's (logout). */
  @Transactional
  public void close(UUID userId, String refreshToken) {
    em.createNativeQuery(
            "UPDATE refresh_tokens SET revoked_at = ?1 WHERE revoked_at IS NULL AND family_id ="
                + " (SELECT family_id FROM refresh_tokens WHERE token_hash = ?2 AND user_id = ?3)")
        .setParameter(1, UtcClock.now())
        .setParameter(2, hash(refreshToken))
        .setParameter(3, userId)
        .executeUpdate();
  }

  /** Puts an access token on the denylist until it expires (repeating it changes nothing). */
  @Transactional
  public void revokeAccess(String tokenId, OffsetDateTime expiresAt) {
    em.createNativeQuery(
            "INSERT INTO revoked_tokens (jti, expires_at) VALUES (?1, ?2)"
                + " ON CONFLICT (jti) DO NOTHING")
        .setParameter(1, tokenId)
        .setParameter(2, expiresAt)
        .executeUpdate();
  }

  /**
   * Whether an access token was revoked: one lookup of the primary key per authenticated request,
   * in the shared database, so a logout on one instance holds on every other at once.
   *
   * <p>Plain JDBC, and no transaction attribute: it runs before any transaction (a servlet filter),
   * where EclipseLink would make and close an EntityManager of its own around the one statement,
   * behind a transaction interceptor, on every request. Outside a transaction the connection is in
   * auto-commit; inside one the container enlists it.
   *
   * @throws IllegalStateException caused by the {@link SQLException} when the database fails (the
   *     problem mapper reads its cause: an outage is a 503, as it was through EclipseLink)
   */
  public boolean isRevoked(String tokenId) {
    try (Connection connection = database.getConnection();
        PreparedStatement revoked =
            connection.prepareStatement("SELECT 1 FROM revoked_tokens WHERE jti = ?")) {
      revoked.setString(1, tokenId);
      try (ResultSet row = revoked.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the revoked tokens", e);
    }
  }

  /** Forgets what can no longer matter: denylisted tokens and refresh tokens past their expiry. */
  @Transactional
  public int purgeExpired() {
    OffsetDateTime now = UtcClock.now();
    int revoked =
        em.createNativeQuery("DELETE FROM revoked_tokens WHERE expires_at < ?1")
            .setParameter(1, now)
            .executeUpdate();
    int refresh =
        em.createNativeQuery("DELETE FROM refresh_tokens WHERE expires_at < ?1")
            .setParameter(1, now)
            .executeUpdate();
    return revoked + refresh;
  }

  private void revokeFamilyOf(byte[] hash, OffsetDateTime now) {
    int revoked =
        em.createNativeQuery(
                "UPDATE refresh_tokens SET revoked_at = ?1 WHERE revoked_at IS NULL AND family_id ="
                    + " (SELECT family_id FROM refresh_tokens WHERE token_hash = ?2)")
            .setParameter(1, now)
            .setParameter(2, hash)
            .executeUpdate();
    if (revoked > 0) {
      LOG.log(
          Level.WARNING,
          "A used refresh token was presented again; revoked {0} tokens of its family",
          revoked);
    }
  }

  private String insert(UUID familyId, UUID userId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    OffsetDateTime now = UtcClock.now();
    em.createNativeQuery(
            "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, familyId)
        .setParameter(3, userId)
        .setParameter(4, hash(token))
        .setParameter(5, now)
        .setParameter(6, now.plus(refreshLifetime))
        .executeUpdate();
    return token;
  }

  static byte[] hash(String token) {
    return Sha256.of(token);
  }
}
