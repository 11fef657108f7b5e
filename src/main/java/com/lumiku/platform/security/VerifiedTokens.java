package com.lumiku.platform.security;

import com.lumiku.platform.Sha256;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens this instance has verified, with what verification made of them, so that a client
 * presenting the same token again is not parsed and RSA-verified again on every request.
 *
 * <p>Keyed by the token's SHA-256 (a fixed 32 bytes, whatever the token's length). An entry is
 * served only before its deadline (the token's expiry, or the end of its allowed age): from then on
 * the token goes back to full verification, which refuses it. Only successful verifications are
 * remembered. At most {@code capacity} entries: when full, expired entries go first, then any one.
 * Revocation is not this class's business: {@link RevokedTokenFilter} checks every request,
 * whichever way its token was verified.
 */
final class VerifiedTokens {

  /** A token's digest: the key of its entry. */
  record Key(ByteBuffer digest) {}

  private record Entry(CredentialValidationResult result, long deadlineMillis) {}

  private final int capacity;
  private final Clock clock;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  /** No entry expires before this (so a full cache is not swept in vain); guarded by this. */
  private long earliestDeadline = Long.MAX_VALUE;

  VerifiedTokens(int capacity, Clock clock) {
    if (capacity < 0) {
      throw new IllegalArgumentException("A cache of tokens cannot hold " + capacity + " entries");
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  static Key key(String token) {
    return new Key(ByteBuffer.wrap(Sha256.of(token)));
  }

  /**
   * When a token stops being accepted, in epoch milliseconds: at its expiry ({@code exp}, seconds;
   * MicroProfile JWT accepts it while the current second is before it), or earlier when tokens may
   * only be so old ({@code mp.jwt.verify.token.age}, seconds after {@code iat}).
   */
  static long deadline(long expiresAt, long issuedAt, OptionalLong maxAge) {
    long end = expiresAt;
    if (maxAge.isPresent()) {
      end = Math.min(end, issuedAt + maxAge.getAsLong());
    }
    // (A far-future exp must not overflow inside the authentication mechanism: it is clamped.)
    return end >= Long.MAX_VALUE / 1000L ? Long.MAX_VALUE : end * 1000L;
  }

  /** What verification made of this token, if it was verified and has not expired since. */
  Optional<CredentialValidationResult> find(Key key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (clock.millis() >= entry.deadlineMillis()) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.result());
  }

  /**
   * Remembers a successful verification until the deadline. Synchronised: it runs once per token
   * and instance (after a verification that costs far more), and keeps the size bound exact.
   */
  synchronized void remember(Key key, CredentialValidationResult result, long deadlineMillis) {
    if (result.getStatus() != CredentialValidationResult.Status.VALID || capacity == 0) {
      return;
    }
    long now = clock.millis();
    if (deadlineMillis <= now) {
      return;
    }
    if (!entries.containsKey(key) && entries.size() >= capacity) {
      makeRoom(now);
    }
    entries.put(key, new Entry(result, deadlineMillis));
    earliestDeadline = Math.min(earliestDeadline, deadlineMillis);
  }

  int size() {
    return entries.size();
  }

  private void makeRoom(long now) {
    if (now >= earliestDeadline) {
      long earliest = Long.MAX_VALUE;
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        long deadline = it.next().deadlineMillis();
        if (now >= deadline) {
          it.remove();
        } else {
          earliest = Math.min(earliest, deadline);
        }
      }
      earliestDeadline = earliest;
    }
    Iterator<Key> keys = entries.keySet().iterator();
    while (entries.size() >= capacity && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
