package io.paperpulse.streams.trends;

import java.util.Optional;

/**
 * The windows keyword trends are computed over, each ending with a closed day and compared with
 * the keyword's own rate in the period just before it.
 *
 * @param days the window's length in days
 * @param baselineDays the length of the period before the window that it is compared with
 * @param minSupport papers a plain phrase needs in the window to be tested at all: on a feed of a
 *     few hundred papers a day, fewer are noise whatever the p-value says (a week's five to seven
 *     papers on a plain phrase are most often one group's batch)
 * @param minSupportNamed papers a name ({@link Trending#named}: "GPT-5", "DAPO", "IWSLT") needs:
 *     a name's first five papers in a week are most often a release or an event
 */
public enum TrendWindow {
  P1D(1, 28, 5, 5),
  P7D(7, 56, 8, 5),
  P28D(28, 84, 10, 10);

  /** Days of history any window needs: the longest window and its baseline. */
  public static final int HISTORY_DAYS = 28 + 84;

  private final int days;
  private final int baselineDays;
  private final int minSupport;
  private final int minSupportNamed;

  TrendWindow(int days, int baselineDays, int minSupport, int minSupportNamed) {
    this.days = days;
    this.baselineDays = baselineDays;
    this.minSupport = minSupport;
    this.minSupportNamed = minSupportNamed;
  }

  public int days() {
    return days;
  }

  public int baselineDays() {
    return baselineDays;
  }

  /** Papers a keyword needs in the window to be tested: a name's, or a plain phrase's. */
  public int minSupport(boolean named) {
    return named ? minSupportNamed : minSupport;
  }

  /** The fewest papers any keyword needs in the window to be tested. */
  public int leastSupport() {
    return Math.min(minSupport, minSupportNamed);
  }

  /** The window named as in the API and on {@code trends.keywords}: P1D, P7D or P28D. */
  public static Optional<TrendWindow> parse(String name) {
    for (TrendWindow w : values()) {
      if (w.name().equals(name)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
