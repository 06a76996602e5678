package io.paperpulse.streams;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Watch;

/**
 * When a keyword's trend is a spike: enough papers, a score far enough above the baseline, a
 * small enough Poisson p-value, and enough history for the baseline to mean something.
 */
public record SpikeRule(int minCount, double minScore, double maxPValue, int minHistoryDays) {
  /** For keywords nobody watches: strict, so only real bursts alert. */
  public static final SpikeRule GLOBAL = new SpikeRule(10, 6.0, 1e-6, 14);

  /** The rule a watch asks for. */
  public static SpikeRule of(Watch watch) {
    return new SpikeRule(watch.getMinCount(), watch.getMinScore(), watch.getMaxPValue(), 0);
  }

  public boolean matches(KeywordTrend trend) {
    return trend.getCount() >= minCount
        && trend.getScore() >= minScore
        && trend.getPValue() <= maxPValue
        && trend.getHistoryDays() >= minHistoryDays;
  }
}
