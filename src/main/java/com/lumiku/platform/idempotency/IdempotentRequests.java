package com.lumiku.platform.idempotency;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes charging requests safe to retry, with Stripe's semantics for the {@code Idempotency-Key}
 * header: the first request with a key does the work; any later request from the same user with the
 * same key and the same body gets the first answer again and is charged nothing; the same key with
 * a different body is a 409.
 *
 * <p>The key is claimed with an {@code INSERT ... ON CONFLICT DO NOTHING} in the transaction that
 * does the work, and the answer is stored in it before it commits. A concurrent request with the
 * same key waits on that claim until the first transaction ends, then replays its answer (or, if it
 * rolled back, does the work itself). A request that fails (402, 400, 404...) rolls back its claim,
 * so a retry is a new attempt. Keys are kept for {@code lumiku.idempotency.retention} (24 h).
 */
@ApplicationScoped
public class IdempotentRequests {

  /** Header that marks a replayed answer. */
  public static final String REPLAYED = "Idempotent-Replayed";

  @PersistenceContext EntityManager em;

  /**
   * Runs {@code work} once per user and key.
   *
   * @param key the Idempotency-Key header, or null to run without one
   * @param request what identifies the request: its route and its body (compared as JSON)
   * @throws ProblemException 409 if the key was used with a different request; 400 if the key is
   *     not 1 to 255 visible ASCII characters
   */
  @Transactional
  public Response once(UUID userId, String key, Object request, Supplier<Response> work) {
    if (key == null) {
      return work.get();
    }
    IdempotencyKey.requireValid(key);
    String fingerprint = IdempotencyKey.fingerprint(request);
    int claimed =
        em.createNativeQuery(
                "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, created_at)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
            .setParameter(1, userId)
            .setParameter(2, key)
            .setParameter(3, fingerprint)
            .setParameter(4, UtcClock.now())
            .executeUpdate();
    if (claimed == 0) {
      return replay(userId, key, fingerprint);
    }
    Response answer = work.get();
    em.createNativeQuery(
            "UPDATE idempotency_keys SET response_status = ?3, response_body = ?4,"
                + " response_location = ?5 WHERE user_id = ?1 AND idempotency_key = ?2")
        .setParameter(1, userId)
        .setParameter(2, key)
        .setParameter(3, answer.getStatus())
        .setParameter(4, IdempotencyKey.json(answer.getEntity()))
        .setParameter(5, answer.getLocation() == null ? null : answer.getLocation().toString())
        .executeUpdate();
    return answer;
  }

  private Response replay(UUID userId, String key, String fingerprint) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT request_hash, response_status, response_body, response_location"
                    + " FROM idempotency_keys WHERE user_id = ?1 AND idempotency_key = ?2")
            .setParameter(1, userId)
            .setParameter(2, key)
            .getResultList();
    if (rows.isEmpty() || rows.get(0)[1] == null) {
      throw ProblemException.conflict("A request with this Idempotency-Key is still in progress.");
    }
    Object[] row = rows.get(0);
    if (!fingerprint.equals(row[0])) {
      throw ProblemException.conflict(
          "This Idempotency-Key was already used with a different request.");
    }
    Response.ResponseBuilder answer =
        Response.status(((Number) row[1]).intValue())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(row[2])
            .header(REPLAYED, "true");
    if (row[3] != null) {
      answer.location(URI.create((String) row[3]));
    }
    return answer.build();
  }
}
