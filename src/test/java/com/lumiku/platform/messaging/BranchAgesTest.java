package com.lumiku.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.metrics.PreparedBranches;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an abandoned broker branch is old enough to roll back, on a clock the test moves. */
class BranchAgesTest {

  private long now = 1_000_000;
  private final BranchAges ages = new BranchAges(Duration.ofMinutes(2), () -> now);

  @Test
  void aBranchIsDueOnlyOnceTwoChecksAtLeastTheAgeApartFoundIt() {
    assertThat(ages.check(List.of("a"))).isEmpty();
    advance(Duration.ofSeconds(119));
    assertThat(ages.check(List.of("a"))).isEmpty();
    advance(Duration.ofSeconds(1));
    assertThat(ages.check(List.of("a")))
        .containsExactly(new BranchAges.Due("a", Duration.ofMinutes(2)));
  }

  @Test
  void aBranchFirstSeenLateIsNotDueAtOnce() {
    advance(Duration.ofHours(1));
    assertThat(ages.check(List.of("late"))).isEmpty();
  }

  @Test
  void aBranchThatWentAwayStartsAfreshIfItComesBack() {
    ages.check(List.of("a"));
    advance(Duration.ofMinutes(1));
    ages.check(List.of());
    advance(Duration.ofMinutes(2));
    assertThat(ages.check(List.of("a"))).isEmpty();
  }

  @Test
  void anUnreachableBrokerRestartsEveryAge() {
    ages.check(List.of("a", "b"));
    advance(Duration.ofMinutes(5));
    ages.restart();
    assertThat(ages.check(List.of("a", "b"))).isEmpty();
    advance(Duration.ofMinutes(2));
    assertThat(ages.check(List.of("a", "b"))).extracting(BranchAges.Due::id).containsOnly("a", "b");
  }

  @Test
  void aForgottenBranchIsCountedAgain() {
    ages.check(List.of("a"));
    advance(Duration.ofMinutes(3));
    assertThat(ages.check(List.of("a"))).hasSize(1);
    ages.forget("a");
    assertThat(ages.check(List.of("a"))).isEmpty();
  }

  @Test
  void theFiguresCountTheBranchesSeenAndTheLongestSeen() {
    assertThat(ages.figures()).isEqualTo(PreparedBranches.NONE);
    ages.check(List.of("a"));
    advance(Duration.ofSeconds(30));
    ages.check(List.of("a", "b"));
    advance(Duration.ofSeconds(30));
    ages.check(List.of("a", "b"));
    assertThat(ages.figures()).isEqualTo(new PreparedBranches(2, 60));

    ages.forget("a");
    assertThat(ages.figures()).isEqualTo(new PreparedBranches(1, 30));
    ages.check(List.of());
    assertThat(ages.figures()).isEqualTo(PreparedBranches.NONE);
  }

  private void advance(Duration duration) {
    now += duration.toNanos();
  }
}
