package io.paperpulse.streams.trends;

/**
 * Decides when a keyword's trend updates start a new spike, so that one spike raises one alert
 * however many updates cross the threshold. A spike stays under way while days keep meeting the
 * rule; it ends when a later day closes below the rule, or a week passes without the keyword (a
 * weekend has no listings, and a week's window stays high for days after its burst).
 */
public final class SpikeDetector {
  /** No spike under way. */
  public static final long NONE = -1;
  /** Days without the keyword after which a spike is over. */
  static final int QUIET_DAYS = 7;

  private SpikeDetector() {}

  /** The outcome of one trend update: whether to alert, and the spike state to keep. */
  public record Decision(boolean alert, long activeDay) {}

  /**
   * @param activeDay the last day of the spike under way, or {@link #NONE}
   * @param day the day of the trend update
   * @param matches whether the update meets the keyword's rule
   * @param finalUpdate whether the update closes its day
   */
  public static Decision decide(long activeDay, long day, boolean matches, boolean finalUpdate) {
    long active = activeDay;
    if (active != NONE && day > active + QUIET_DAYS) {
      active = NONE; // a week without the keyword passed: that spike is over
    }
    if (matches) {
      return new Decision(active == NONE, Math.max(active, day));
    }
    if (finalUpdate && active != NONE && day > active) {
      active = NONE; // a later day closed below the rule
    }
    return new Decision(false, active);
  }
}
