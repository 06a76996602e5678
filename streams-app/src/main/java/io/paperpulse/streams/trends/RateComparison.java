package io.paperpulse.streams.trends;

/**
 * Compares a keyword's rate in a window (papers mentioning it, out of all papers of the window)
 * with its rate in the baseline period before the window, honestly for small counts.
 *
 * <p>The test is the exact conditional test for two Poisson rates: given that the keyword was
 * mentioned {@code c + b} times in all, under "no change" each mention falls in the window with
 * probability {@code n / (n + m)}, the window's share of all papers, so {@code P(X >= c)} for
 * {@code X ~ Binomial(c + b, n / (n + m))} is the p-value. A keyword never seen before, or seen
 * twice, is judged by the same rule: five papers from nothing in a week against eight quiet weeks
 * give about 1.7e-5, two papers give 0.012.
 *
 * <p>The effect size is the rate ratio, window rate over baseline rate. {@link #lowerRatio} is its
 * one-sided 97.5% lower bound (the Wilson bound of the window's share of the mentions, turned into
 * a ratio), which is small when the counts are: it is the score trends are ranked by, so a keyword
 * needs both a large rise and enough papers to show it.
 */
public final class RateComparison {
  private static final double Z = 1.96;

  private RateComparison() {}

  /**
   * The p-value of {@code windowCount} mentions among {@code windowTotal} papers against {@code
   * baselineCount} among {@code baselineTotal}.
   */
  public static double pValue(long windowCount, long windowTotal, long baselineCount, long baselineTotal) {
    if (windowCount <= 0) {
      return 1.0;
    }
    if (baselineTotal <= 0) {
      return 1.0; // nothing to compare with
    }
    double share = (double) windowTotal / (windowTotal + baselineTotal);
    return Binomial.upperTail(windowCount, windowCount + baselineCount, share);
  }

  /** Window rate over baseline rate, with half a mention added to the baseline so it is finite. */
  public static double ratio(long windowCount, long windowTotal, long baselineCount, long baselineTotal) {
    if (windowTotal <= 0 || baselineTotal <= 0) {
      return 0.0;
    }
    return ((double) windowCount / windowTotal) / ((baselineCount + 0.5) / baselineTotal);
  }

  /** A one-sided 97.5% lower bound of the rate ratio; 0 when there is nothing to compare. */
  public static double lowerRatio(long windowCount, long windowTotal, long baselineCount, long baselineTotal) {
    long mentions = windowCount + baselineCount;
    if (windowCount <= 0 || windowTotal <= 0 || baselineTotal <= 0) {
      return 0.0;
    }
    double p = (double) windowCount / mentions;
    double z2 = Z * Z;
    double centre = p + z2 / (2.0 * mentions);
    double spread = Z * Math.sqrt(p * (1 - p) / mentions + z2 / (4.0 * mentions * mentions));
    double lower = (centre - spread) / (1 + z2 / mentions);
    if (lower <= 0) {
      return 0.0;
    }
    return lower / (1 - lower) * ((double) baselineTotal / windowTotal);
  }
}
