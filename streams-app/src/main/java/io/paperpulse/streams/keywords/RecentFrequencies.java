package io.paperpulse.streams.keywords;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document frequencies kept up to date as papers stream: the background corpus plus the papers of
 * recent weeks, so a term the background never saw (a new model's name) stops scoring as the
 * rarest of words once papers use it widely.
 *
 * <p>Weeks are runs of 7 UTC days from the epoch. A paper of week {@code W} is scored against the
 * papers of the {@link #WINDOW_WEEKS} weeks that ended a whole week before {@code W} began, weeks
 * {@code W - 5} to {@code W - 2}. The lag keeps a surge from lowering its own idf while it is news:
 * a keyword that bursts today is scored as before for at least a week, long enough for the trends
 * to show it. The window depends only on the paper's own day, never on what else has been read, so
 * papers given live, replayed fast or read again after a crash get the same keywords, as long as
 * no paper arrives after papers a week or more newer than it. One window a week also means one
 * summing of counts a week, whichever days the papers of a partition come in.
 *
 * <p>The window weighs as much as the background once it holds {@link #FULL_WEIGHT_PAPERS}
 * papers, and in proportion before: {@code idf = ln((N + w + 1) / (df + w * dfw / Nw + 1)) + 1}
 * with {@code w = N * min(1, Nw / FULL_WEIGHT_PAPERS)}. A term as frequent lately as in the
 * background keeps its idf.
 */
public final class RecentFrequencies {
  public static final int WINDOW_WEEKS = 4;
  /** Whole weeks between the window and the week of the paper scored. */
  public static final int LAG_WEEKS = 1;
  static final int FULL_WEIGHT_PAPERS = 5_000;
  /** Windows kept summed; papers of a partition rarely span more than a few weeks at a time. */
  private static final int CACHED_WINDOWS = 4;

  private final DocumentFrequencies background;
  private final TreeMap<Long, Window> days = new TreeMap<>();
  /** By the week of the papers they score. */
  private final TreeMap<Long, Window> windowsByWeek = new TreeMap<>();
  private long newestDay = Long.MIN_VALUE;

  /** The papers and key counts of one day, or of a window of days. */
  private static final class Window {
    final HashCounts counts = new HashCounts();
    long papers;

    void add(long[] hashes) {
      papers++;
      for (long hash : hashes) {
        counts.add(hash, 1);
      }
    }
  }

  private static long weekOf(long day) {
    return Math.floorDiv(day, 7);
  }

  /** The first day of the window that scores papers of {@code week}. */
  private static long windowStart(long week) {
    return (week - LAG_WEEKS - WINDOW_WEEKS) * 7;
  }

  /** The day after the window that scores papers of {@code week}. */
  private static long windowEnd(long week) {
    return (week - LAG_WEEKS) * 7;
  }

  /** The first day whose papers are scored against those of {@code day}. */
  public static long firstDayCounting(long day) {
    return (weekOf(day) + LAG_WEEKS + 1) * 7;
  }

  /** The last day whose papers are scored against those of {@code day}. */
  public static long lastDayCounting(long day) {
    return (weekOf(day) + LAG_WEEKS + WINDOW_WEEKS + 1) * 7 - 1;
  }

  public RecentFrequencies(DocumentFrequencies background) {
    this.background = background;
  }

  /** Counts a paper of {@code day} whose candidate keys have the given hashes, each once. */
  public void add(long day, long[] hashes) {
    days.computeIfAbsent(day, d -> new Window()).add(hashes);
    for (Map.Entry<Long, Window> cached : windowsByWeek.entrySet()) {
      long week = cached.getKey();
      if (day >= windowStart(week) && day < windowEnd(week)) {
        cached.getValue().add(hashes);
      }
    }
    if (day > newestDay) {
      newestDay = day;
      days.headMap(oldestKept()).clear();
    }
  }

  /**
   * Days before this one are forgotten: older than the window of the newest paper's week, with a
   * week's margin for late papers.
   */
  public long oldestKept() {
    return newestDay == Long.MIN_VALUE ? Long.MIN_VALUE : windowStart(weekOf(newestDay) - 1);
  }

  /** The idf for a paper of {@code day}. */
  public Idf at(long day) {
    Window window = window(weekOf(day));
    if (window.papers == 0) {
      return background;
    }
    double n = background.documents();
    double weight = n * Math.min(1.0, (double) window.papers / FULL_WEIGHT_PAPERS);
    double perPaper = weight / window.papers;
    return new Idf() {
      @Override
      public int backgroundDf(long hash) {
        return background.df(hash);
      }

      @Override
      public double idf(long hash, int backgroundDf) {
        return Math.log((n + weight + 1.0) / (backgroundDf + perPaper * window.counts.get(hash) + 1.0)) + 1.0;
      }
    };
  }

  private Window window(long week) {
    Window cached = windowsByWeek.get(week);
    if (cached != null) {
      return cached;
    }
    Window window = new Window();
    for (Window day : days.subMap(windowStart(week), windowEnd(week)).values()) {
      window.counts.addAll(day.counts);
      window.papers += day.papers;
    }
    windowsByWeek.put(week, window);
    if (windowsByWeek.size() > CACHED_WINDOWS) {
      Iterator<Long> oldest = windowsByWeek.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return window;
  }
}
