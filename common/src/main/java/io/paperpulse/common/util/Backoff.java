package io.paperpulse.common.util;

import java.time.Duration;

/**
 * Exponential backoff: wait {@code first} after a first miss, twice as long after each further
 * miss in a row, never longer than {@code max}. Needs only the JDK.
 *
 * @param first the wait after the first miss
 * @param max the longest wait
 */
public record Backoff(Duration first, Duration max) {
  /** Half a second, doubling up to 10 s: rides out a server restart without spinning. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < first <= max, not " + first + " and " + max);
    }
  }

  /** The wait after {@code misses} misses in a row; 1 for the first miss. */
  public Duration delayAfter(int misses) {
    if (misses < 1) {
      throw new IllegalArgumentException("misses start at 1, not " + misses);
    }
    Duration delay = first;
    for (int miss = 1; miss < misses && delay.compareTo(max) < 0; miss++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
