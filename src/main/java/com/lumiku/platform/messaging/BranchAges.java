package com.lumiku.platform.messaging;

import com.lumiku.platform.metrics.PreparedBranches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How long each prepared branch has been seen prepared, over the checks of {@link
 * AbandonedBrokerBranches}: a branch is due once two checks at least {@code age} apart both found
 * it. Measured on this JVM's clock (the broker's own creation times come as locale-formatted text,
 * in the broker's time zone). Not thread-safe: the container runs one check at a time.
 */
final class BranchAges {

  /** A branch due for rollback, and for how long it has at least been prepared. */
  record Due(String id, Duration preparedFor) {}

  private final Duration age;
  private final LongSupplier nanoClock;
  private final Map<String, Long> firstSeen = new HashMap<>();

  /**
   * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} but in tests
   */
  BranchAges(Duration age, LongSupplier nanoClock) {
    this.age = age;
    this.nanoClock = nanoClock;
  }

  /**
   * A check found these branches prepared: forgets the ones that are gone, starts counting the new
   * ones, and returns those seen prepared for at least the age.
   */
  List<Due> check(Collection<String> prepared) {
    long now = nanoClock.getAsLong();
    firstSeen.keySet().retainAll(new HashSet<>(prepared));
    List<Due> due = new ArrayList<>();
    for (String id : prepared) {
      Long seen = firstSeen.putIfAbsent(id, now);
      if (seen != null && now - seen >= age.toNanos()) {
        due.add(new Due(id, Duration.ofNanos(now - seen)));
      }
    }
    return due;
  }

  /**
   * How many branches the last check found, and for how long the one first seen earliest has been
   * seen prepared (a lower bound of its real age: at most one check interval short).
   */
  PreparedBranches figures() {
    long now = nanoClock.getAsLong();
    long oldest = firstSeen.values().stream().mapToLong(seen -> now - seen).max().orElse(0);
    return new PreparedBranches(firstSeen.size(), Duration.ofNanos(oldest).toSeconds());
  }

  /** The branch was ended: a branch with the same id later would be another one. */
  void forget(String id) {
    firstSeen.remove(id);
  }

  /**
   * The broker could not be asked: whatever it holds may be committed by a retry once it is back,
   * so every branch gets the whole age again.
   */
  void restart() {
    firstSeen.clear();
  }
}
