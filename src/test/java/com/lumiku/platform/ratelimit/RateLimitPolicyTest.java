package com.lumiku.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

  final RateLimitPolicy login = new RateLimitPolicy("login-account", 5, 5, Duration.ofMinutes(15));

  @Test
  void refusesLimitsThatCouldNeverPass() {
    assertThatThrownBy(() -> new RateLimitPolicy("x", 0, 1, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimitPolicy("x", 1, 0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimitPolicy("x", 1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBucketHoldsTheCapacityAndRefillsPerPeriod() {
    var limit = new RateLimitPolicy("g", 20, 60, Duration.ofMinutes(1)).bucket().getBandwidths()[0];
    assertThat(limit.getCapacity()).isEqualTo(20);
    assertThat(limit.getRefillTokens()).isEqualTo(60);
    assertThat(limit.getRefillPeriodNanos()).isEqualTo(Duration.ofMinutes(1).toNanos());
  }

  @Test
  void bucketIdsNameTheLimitAndHideTheKey() {
    String id = RateLimits.id(login, "someone@example.com");
    assertThat(id).startsWith("login-account:").doesNotContain("someone").hasSizeLessThan(100);
    assertThat(RateLimits.id(login, "someone@example.com")).isEqualTo(id);
    assertThat(RateLimits.id(login, "other@example.com")).isNotEqualTo(id);
  }

  @Test
  void changedNumbersStartFreshBuckets() {
    var changed = new RateLimitPolicy("login-account", 10, 5, Duration.ofMinutes(15));
    assertThat(RateLimits.id(changed, "a")).isNotEqualTo(RateLimits.id(login, "a"));
  }

  @Test
  void aRefusalIsA429ProblemWithRetryAfterAndTheDraftsFields() {
    RateLimited refused = new RateLimited(login, 180);
    Problem problem = refused.problem();
    assertThat(problem.status()).isEqualTo(429);
    assertThat(problem.detail()).contains("login-account").contains("180 s");
    assertThat(refused.headers())
        .containsEntry("Retry-After", "180")
        .containsEntry("RateLimit-Policy", "\"login-account\";q=5;w=900")
        .containsEntry("RateLimit", "\"login-account\";r=0;t=180");
  }
}
