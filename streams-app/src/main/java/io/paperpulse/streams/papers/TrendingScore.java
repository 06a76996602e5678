package io.paperpulse.streams.papers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How much a paper trends in a window (docs/trending-papers.md):
 *
 * <pre>
 * score = (1 + M) · (1 + ln(1 + upvotes) / 2 + ln(timesListed) / 2) · 2^(−age / halfLife)
 * M     = Σ log2(s) over the paper's {@value #MAX_KEYWORDS} strongest trending keywords
 * </pre>
 *
 * where {@code s} is a keyword's strongest trend score in the window (the lower bound of its rate
 * ratio, over 1 for every trending keyword) and {@code age} is the days from the paper's day to
 * the window's last. A keyword that a stronger one of the paper contains, or that contains a
 * stronger one, does not count: "language models" and "large language models" are one mention's
 * worth. A paper with no trending keyword, vote or second listing scores by age alone.
 */
public final class TrendingScore {
  /** Trending keywords a paper's momentum counts at most: a long abstract gains no more. */
  static final int MAX_KEYWORDS = 5;

  private static final Comparator<Share> STRONGEST_FIRST = Comparator.comparingDouble(Share::contribution).reversed().thenComparing(Share::keyword);

  private TrendingScore() {}

  /** A trending keyword of the paper and what it adds to the momentum {@code M}. */
  public record Share(String keyword, String label, double contribution) {}

  /** A paper's score and the keywords behind it, strongest first. */
  public record Scored(double score, List<Share> keywords) {}

  /** A keyword's strength in the window: its strongest trend score there, and its label. */
  public record Strength(double score, String label) {}

  /**
   * @param strengths the trending keywords of the window, by key (scores over 1)
   * @param lastDay the window's last day
   */
  public static Scored score(PaperSummary paper, Map<String, Strength> strengths, PaperWindow window, long lastDay) {
    if (paper.day() > lastDay) {
      throw new IllegalArgumentException("paper " + paper.paperId() + " of day " + paper.day() + " is after the window's last day " + lastDay);
    }
    List<Share> shares = new ArrayList<>();
    if (!strengths.isEmpty()) { // empty before any day is ranked: no term to look up
      for (String term : paper.terms()) {
        Strength s = strengths.get(term);
        if (s != null && s.score() > 1) {
          shares.add(new Share(term, s.label(), log2(s.score())));
        }
      }
    }
    shares.sort(STRONGEST_FIRST);
    List<Share> chosen = new ArrayList<>();
    for (int i = 0; i < shares.size() && chosen.size() < MAX_KEYWORDS; i++) {
      Share share = shares.get(i);
      boolean apart = true;
      for (int j = 0; j < i && apart; j++) {
        apart = !overlap(shares.get(j).keyword(), share.keyword());
      }
      if (apart) {
        chosen.add(share);
      }
    }
    List<Share> top = List.copyOf(chosen);
    double momentum = top.isEmpty() ? 0 : top.stream().mapToDouble(Share::contribution).sum();
    int upvotes = paper.upvotes() == null ? 0 : Math.max(0, paper.upvotes());
    double community = 1 + Math.log1p(upvotes) / 2 + Math.log(Math.max(1, paper.timesListed())) / 2;
    return new Scored((1 + momentum) * community * decay(window, lastDay - paper.day()), top);
  }

  /** Whether one key holds the other as whole words ("language model" in "large language model"). */
  static boolean overlap(String a, String b) {
    String spacedA = " " + a + " ";
    String spacedB = " " + b + " ";
    return spacedA.contains(spacedB) || spacedB.contains(spacedA);
  }

  /** What age does to a score in the window: it halves every {@link PaperWindow#halfLife} days. */
  static double decay(PaperWindow window, long ageDays) {
    return Math.pow(2, -ageDays / window.halfLife());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
