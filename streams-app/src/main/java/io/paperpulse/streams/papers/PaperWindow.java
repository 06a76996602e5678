package io.paperpulse.streams.papers;

import io.paperpulse.streams.trends.TrendWindow;
import java.util.Optional;

/**
 * The windows papers are ranked over, each ending with a closed day.
 *
 * @param days the window's length in days
 * @param keywords the keyword-trend window whose scores measure a keyword's momentum in it
 * @param halfLife days after which a paper's score has halved: age matters more in short windows
 */
public enum PaperWindow {
  P1D(1, TrendWindow.P1D, 1),
  P7D(7, TrendWindow.P7D, 3),
  P30D(30, TrendWindow.P28D, 10);

  private final int days;
  private final TrendWindow keywords;
  private final double halfLife;

  PaperWindow(int days, TrendWindow keywords, double halfLife) {
    this.days = days;
    this.keywords = keywords;
    this.halfLife = halfLife;
  }

  public int days() {
    return days;
  }

  public TrendWindow keywords() {
    return keywords;
  }

  public double halfLife() {
    return halfLife;
  }

  /** The first day of the window ending on {@code lastDay}. */
  public long firstDay(long lastDay) {
    return lastDay - days + 1;
  }

  /** The window of the most days. */
  static PaperWindow longest() {
    PaperWindow longest = P1D;
    for (PaperWindow w : values()) {
      longest = w.days > longest.days ? w : longest;
    }
    return longest;
  }

  /** The window named {@code name} (P1D, P7D, P30D), if any. */
  public static Optional<PaperWindow> parse(String name) {
    for (PaperWindow w : values()) {
      if (w.name().equals(name)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
