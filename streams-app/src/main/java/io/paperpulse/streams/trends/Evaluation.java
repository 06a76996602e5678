package io.paperpulse.streams.trends;

import java.util.function.LongUnaryOperator;

/**
 * One keyword in one window ending on {@code endDay}: its papers in the window against its papers
 * in the baseline period before it.
 *
 * @param count papers mentioning the keyword in the window
 * @param total all papers of the window
 * @param baselineCount papers mentioning it in the baseline period
 * @param baselineTotal all papers of the baseline period
 * @param baselineDays days of the baseline period that had papers at all
 * @param pValue {@link RateComparison#pValue}
 * @param ratio window rate over baseline rate
 * @param score {@link RateComparison#lowerRatio}: the rise the counts support, what lists rank by
 * @param emerging the keyword is new: in a baseline period with enough data, no paper had it
 *     before the last {@link #NEW_DAYS} days, and the window has at least twice the papers of those
 *     days and at least the papers any keyword needs to be tested there ({@link
 *     TrendWindow#leastSupport}). A release's first few mentions come a week or two before its wave
 *     of papers, and the wave is still news.
 */
public record Evaluation(
    TrendWindow window,
    long endDay,
    long count,
    long total,
    long baselineCount,
    long baselineTotal,
    int baselineDays,
    double pValue,
    double ratio,
    double score,
    boolean emerging) {

  /** The days before a window in which a keyword's first papers still leave it new. */
  public static final int NEW_DAYS = 14;

  /** The first day of the window. */
  public long startDay() {
    return endDay - window.days() + 1;
  }

  /**
   * Evaluates a keyword from its papers per day ({@code counts}) and all papers per day ({@code
   * totals}); both give 0 for a day without any.
   */
  public static Evaluation of(TrendWindow window, long endDay, LongUnaryOperator counts, LongUnaryOperator totals) {
    long first = endDay - TrendWindow.HISTORY_DAYS + 1;
    long[] c = new long[TrendWindow.HISTORY_DAYS];
    long[] t = new long[TrendWindow.HISTORY_DAYS];
    for (int i = 0; i < c.length; i++) {
      c[i] = counts.applyAsLong(first + i);
      t[i] = totals.applyAsLong(first + i);
    }
    return of(window, endDay, c, t);
  }

  /**
   * Evaluates a keyword from its papers per day and all papers per day, as arrays of the {@link
   * TrendWindow#HISTORY_DAYS} days ending on {@code endDay} (oldest first).
   */
  public static Evaluation of(TrendWindow window, long endDay, long[] counts, long[] totals) {
    int last = TrendWindow.HISTORY_DAYS - 1;
    int start = last - window.days() + 1;
    long count = 0;
    long total = 0;
    for (int i = start; i <= last; i++) {
      count += counts[i];
      total += totals[i];
    }
    long baselineCount = 0;
    long baselineTotal = 0;
    int baselineDays = 0;
    long before = 0; // papers of the baseline before its last NEW_DAYS days
    for (int i = Math.max(0, start - window.baselineDays()); i < start; i++) {
      baselineCount += counts[i];
      baselineTotal += totals[i];
      baselineDays += totals[i] > 0 ? 1 : 0;
      before += i < start - NEW_DAYS ? counts[i] : 0;
    }
    boolean emerging = before == 0 && count >= 2 * (baselineCount - before) && count >= window.leastSupport()
        && baselineDays * 2 >= window.baselineDays();
    return new Evaluation(
        window, endDay, count, total, baselineCount, baselineTotal, baselineDays,
        RateComparison.pValue(count, total, baselineCount, baselineTotal),
        RateComparison.ratio(count, total, baselineCount, baselineTotal),
        RateComparison.lowerRatio(count, total, baselineCount, baselineTotal),
        emerging);
  }

  /** Whether a keyword, a name or not, has enough papers in the window to be tested. */
  public boolean supported(boolean named) {
    return count >= window.minSupport(named);
  }
}
