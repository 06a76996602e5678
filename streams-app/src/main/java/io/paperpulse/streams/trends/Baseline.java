package io.paperpulse.streams.trends;

/**
 * A keyword's expected daily share: an exponentially weighted mean and variance of its share of
 * each closed day's papers. A day is scored against the baseline before it is folded in, so a
 * spike cannot raise its own bar.
 *
 * @param mean EWMA of the daily share
 * @param variance EWMA variance of the daily share
 * @param days closed days folded in
 * @param lastDay epoch day last folded in, -1 for none
 */
public record Baseline(double mean, double variance, int days, long lastDay) {
  /** Days without the keyword older than this many are not worth folding one by one. */
  private static final int MAX_GAP = 120;

  public static Baseline empty() {
    return new Baseline(0, 0, 0, -1);
  }

  /** This baseline with a day's share folded in; days skipped since the last one count as zero. */
  public Baseline fold(long day, double share, double alpha) {
    if (days == 0) {
      return new Baseline(share, 0, 1, day); // the first day is the best first guess
    }
    Baseline b = decayTo(day, alpha);
    double diff = share - b.mean;
    double increment = alpha * diff;
    double mean = b.mean + increment;
    double variance = (1 - alpha) * (b.variance + diff * increment);
    return new Baseline(mean, variance, b.days + 1, day);
  }

  /**
   * This baseline as it stands before {@code day}: days after the last fold and before {@code day}
   * folded in as zero shares. Callers pass only days known to be closed without the keyword.
   */
  public Baseline decayTo(long day, double alpha) {
    if (lastDay < 0 || day <= lastDay + 1) {
      return this;
    }
    long gap = Math.min(day - lastDay - 1, MAX_GAP);
    double mean = this.mean;
    double variance = this.variance;
    for (long i = 0; i < gap; i++) {
      double diff = -mean;
      double increment = alpha * diff;
      mean += increment;
      variance = (1 - alpha) * (variance + diff * increment);
    }
    return new Baseline(mean, variance, days + (int) gap, day - 1);
  }

  /**
   * How many standard deviations a day's share lies above the baseline. The deviation has a floor
   * from the binomial spread of the expected share over the day's papers, so a keyword with a
   * short or flat history does not score infinitely.
   */
  public double score(long count, long total) {
    double share = (double) count / total;
    double expected = Math.max(mean, 0.5 / total);
    double sd = Math.sqrt(variance + expected * (1 - expected) / total);
    return (share - mean) / sd;
  }

  /** Poisson probability of at least {@code count} papers given the baseline share and the day's total. */
  public double pValue(long count, long total) {
    return Poisson.upperTail(count, Math.max(mean, 0.5 / total) * total);
  }
}
