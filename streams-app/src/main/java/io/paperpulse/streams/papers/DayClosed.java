package io.paperpulse.streams.papers;

import java.util.List;

/**
 * A partition of the analytics topic has judged a day's keywords: every final trend it found that
 * day has been sent before this.
 *
 * @param partition the partition of the analytics topic
 * @param day the epoch day closed
 * @param tests for each keyword window in order (1, 7 and 28 days), how many of the day's keywords
 *     the partition tested in it, then how many of those were names: the hypotheses among which
 *     the ranking controls the false discoveries of its trending keywords
 */
public record DayClosed(int partition, long day, List<Long> tests) {
  public DayClosed {
    tests = List.copyOf(tests);
  }
}
