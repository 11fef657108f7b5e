package com.lumiku.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final long START = 1_800_000_000_000L;

  private final MovingClock clock = new MovingClock(START);

  @Test
  void aVerifiedTokenIsFoundAgainWithWhatVerificationMadeOfIt() {
    VerifiedTokens cache = new VerifiedTokens(10, clock);
    CredentialValidationResult result = valid("alice");
    cache.remember(VerifiedTokens.key("a.b.c"), result, START + 60_000);

    assertThat(cache.find(VerifiedTokens.key("a.b.c"))).containsSame(result);
    assertThat(cache.find(VerifiedTokens.key("a.b.d"))).isEmpty();
  }

  @Test
  void anEntryIsServedUntilItsDeadlineAndNeverFromIt() {
    VerifiedTokens cache = new VerifiedTokens(10, clock);
    cache.remember(VerifiedTokens.key("t"), valid("alice"), START + 60_000);

    clock.now = START + 59_999;
    assertThat(cache.find(VerifiedTokens.key("t"))).isPresent();
    clock.now = START + 60_000;
    assertThat(cache.find(VerifiedTokens.key("t"))).isEmpty();
    assertThat(cache.size()).isZero();
    // The clock going back (NTP) does not bring it back: it is gone.
    clock.now = START;
    assertThat(cache.find(VerifiedTokens.key("t"))).isEmpty();
  }

  @Test
  void failedOrAlreadyExpiredVerificationsAreNeverKept() {
    VerifiedTokens cache = new VerifiedTokens(10, clock);
    cache.remember(
        VerifiedTokens.key("bad"), CredentialValidationResult.INVALID_RESULT, START + 60_000);
    cache.remember(
        VerifiedTokens.key("unknown"), CredentialValidationResult.NOT_VALIDATED_RESULT, START + 1);
    cache.remember(VerifiedTokens.key("late"), valid("alice"), START);

    assertThat(cache.size()).isZero();
    assertThat(cache.find(VerifiedTokens.key("bad"))).isEmpty();
    assertThat(cache.find(VerifiedTokens.key("late"))).isEmpty();
  }

  @Test
  void aFullCacheDropsExpiredEntriesFirst() {
    VerifiedTokens cache = new VerifiedTokens(2, clock);
    cache.remember(VerifiedTokens.key("short"), valid("a"), START + 1_000);
    cache.remember(VerifiedTokens.key("long"), valid("b"), START + 60_000);
    clock.now = START + 1_000;

    cache.remember(VerifiedTokens.key("new"), valid("c"), START + 60_000);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.find(VerifiedTokens.key("long"))).isPresent();
    assertThat(cache.find(VerifiedTokens.key("new"))).isPresent();
  }

  @Test
  void aFullCacheOfLiveTokensStaysWithinItsBoundAndKeepsTheNewest() {
    VerifiedTokens cache = new VerifiedTokens(3, clock);
    for (int i = 0; i < 50; i++) {
      cache.remember(VerifiedTokens.key("token-" + i), valid("u" + i), START + 60_000);
      assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.find(VerifiedTokens.key("token-49"))).isPresent();
  }

  @Test
  void rememberingATokenAgainDoesNotEvictAnother() {
    VerifiedTokens cache = new VerifiedTokens(2, clock);
    cache.remember(VerifiedTokens.key("a"), valid("a"), START + 60_000);
    cache.remember(VerifiedTokens.key("b"), valid("b"), START + 60_000);
    cache.remember(VerifiedTokens.key("b"), valid("b"), START + 60_000);

    assertThat(cache.find(VerifiedTokens.key("a"))).isPresent();
    assertThat(cache.find(VerifiedTokens.key("b"))).isPresent();
  }

  @Test
  void sizeZeroKeepsNothingAndANegativeSizeIsRefused() {
    VerifiedTokens cache = new VerifiedTokens(0, clock);
    cache.remember(VerifiedTokens.key("a"), valid("a"), START + 60_000);
    assertThat(cache.find(VerifiedTokens.key("a"))).isEmpty();
    assertThatThrownBy(() -> new VerifiedTokens(-1, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDeadlineIsTheExpiryOrTheEndOfTheAllowedAgeWhicheverComesFirst() {
    long iat = 1_800_000_000L;
    long exp = iat + 1_800;
    assertThat(VerifiedTokens.deadline(exp, iat, OptionalLong.empty())).isEqualTo(exp * 1000);
    assertThat(VerifiedTokens.deadline(exp, iat, OptionalLong.of(600)))
        .isEqualTo((iat + 600) * 1000);
    assertThat(VerifiedTokens.deadline(exp, iat, OptionalLong.of(3_600))).isEqualTo(exp * 1000);
  }

  private static CredentialValidationResult valid(String name) {
    return new CredentialValidationResult(new CallerPrincipal(name), Set.of("user"));
  }

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    long now;

    MovingClock(long now) {
      this.now = now;
    }

    @Override
    public long millis() {
      return now;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
