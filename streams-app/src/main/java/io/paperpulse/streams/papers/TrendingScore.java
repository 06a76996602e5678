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

  private static final Comparator<Share> STRONGEST_FIRST = (a, b) -> {
    int byContribution = Double.compare(b.contribution(), a.contribution());
    return byContribution != 0 ? byContribution : a.keyword().compareTo(b.keyword());
  };

  private TrendingScore() {}

  /** A trending keyword of the paper and what it adds to the momentum {@code M}. */
  public record Share(String keyword, String label, double contribution) {}

  /** A paper's score and the keywords behind it, strongest first. */
  public record Scored(double score, List<Share> keywords) {}

  /** A keyword's strength in the window: its strongest trend score there, and its label. */
  public record Strength(double score, String label) {}

  /**
   * The trending keywords of a window by key, and a bit for each key's hash. Ranking a day scores a
   * month of papers of about 100 terms each, in every window: a paper's terms are looked up by
   * their hashes first, kept in an array beside the paper ({@link #termHashes}), so that only the
   * few that may be trending have their strings read.
   */
  public static final class Strengths {
    private final Map<String, Strength> byKey;
    private final long[] bits;
    private final int mask;

    /** {@code byKey} is read, not copied: it must not change afterwards. */
    public Strengths(Map<String, Strength> byKey) {
      this.byKey = byKey;
      // At least 8 bits a key (at most 1 in 8 false hits), a power of two, at most 2^30.
      int size = (int) Math.min(1L << 30, Long.highestOneBit(Math.max(64L, 8L * byKey.size()) - 1) << 1);
      this.bits = new long[size / 64];
      this.mask = size - 1;
      byKey.keySet().forEach(key -> set(bit(key.hashCode())));
    }

    private void set(int bit) {
      bits[bit >>> 6] |= 1L << bit;
    }

    private int bit(int hash) {
      return (hash ^ hash >>> 16) & mask;
    }

    /** The strength of {@code key}, whose {@code hashCode()} is {@code hash}; null if it is not trending. */
    Strength get(String key, int hash) {
      int bit = bit(hash);
      return (bits[bit >>> 6] & 1L << bit) == 0 ? null : byKey.get(key);
    }

    boolean isEmpty() {
      return byKey.isEmpty();
    }
  }

  /** The hash of each of the paper's terms, in the order of its terms, for {@link Strengths}. */
  public static int[] termHashes(PaperSummary paper) {
    List<String> terms = paper.terms();
    int[] hashes = new int[terms.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = terms.get(i).hashCode();
    }
    return hashes;
  }

  /**
   * A paper's score in a window. This form hashes the paper's terms and makes the window's
   * {@link Strengths} on each call; the ranking keeps both.
   *
   * @param strengths the trending keywords of the window, by key (scores over 1)
   * @param lastDay the window's last day
   */
  public static Scored score(PaperSummary paper, Map<String, Strength> strengths, PaperWindow window, long lastDay) {
    return score(paper, termHashes(paper), new Strengths(strengths), window, lastDay);
  }

  /** As {@link #score(PaperSummary, Map, PaperWindow, long)}, with the paper's {@link #termHashes}. */
  public static Scored score(PaperSummary paper, int[] termHashes, Strengths strengths, PaperWindow window, long lastDay) {
    if (paper.day() > lastDay) {
      throw new IllegalArgumentException("paper " + paper.paperId() + " of day " + paper.day() + " is after the window's last day " + lastDay);
    }
    if (termHashes.length != paper.terms().size()) {
      throw new IllegalArgumentException("paper " + paper.paperId() + " has " + paper.terms().size() + " terms and " + termHashes.length + " term hashes");
    }
    List<Share> shares = new ArrayList<>();
    if (!strengths.isEmpty()) { // empty before any day is ranked: no term to look up
      List<String> terms = paper.terms();
      for (int i = 0; i < termHashes.length; i++) {
        String term = terms.get(i);
        Strength s = strengths.get(term, termHashes[i]);
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
