package io.paperpulse.streams.alerts;

import io.paperpulse.avro.Watch;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.Set;

/**
 * When a keyword's trend is a spike: enough papers in the window, a rise the counts support (the
 * score, a lower bound of the rate ratio), a small enough p-value, and a baseline period with
 * enough days of data for the comparison to mean something.
 *
 * @param windows the windows the rule judges
 */
public record SpikeRule(int minCount, double minScore, double maxPValue, int minBaselineDays, Set<TrendWindow> windows) {
  /**
   * For keywords nobody watches: a week with at least 8 papers, at least twice the usual rate as a
   * lower bound, and p at most 1e-5 (a Bonferroni bound for about 1,000 tests at 0.01, what a week
   * tests). A new term's first strong week meets it.
   */
  public static final SpikeRule GLOBAL = new SpikeRule(8, 2.0, 1e-5, 28, Set.of(TrendWindow.P7D));

  /** The rule a watch asks for, on the day's and the week's windows. */
  public static SpikeRule of(Watch watch) {
    return new SpikeRule(watch.getMinCount(), watch.getMinScore(), watch.getMaxPValue(), 0, Set.of(TrendWindow.P1D, TrendWindow.P7D));
  }

  public boolean matches(Evaluation e) {
    return windows.contains(e.window())
        && e.count() >= minCount
        && e.score() >= minScore
        && e.pValue() <= maxPValue
        && e.baselineDays() >= minBaselineDays;
  }
}
