package io.paperpulse.streams.keywordtrends;

import io.paperpulse.streams.analytics.PartitionStores;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The keyword trends' read side: the days, the tests of a window and one keyword's trends, from
 * the stores of some partitions of the {@code analytics} topic (each instance's part). A part is a
 * map of plain values that the HTTP layer merges as JSON with the other instances' parts.
 */
public final class KeywordQueries {
  /** Weeks in a keyword's sparkline. */
  private static final int WEEKS = 12;

  /** Lists kept, per partition, day and window: of closed days, and of open ones. */
  private static final int TESTS_KEPT = 512;
  /**
   * How long an open day's tests are reused even if papers came in since (during a backlog): viewers
   * of the live page, the gauges and the summary of {@code up} share them.
   */
  static final Duration OPEN_TESTS_REUSED = Duration.ofSeconds(10);
  /** Days of papers past the last closed day from which the app counts as catching up on a backlog. */
  static final int CATCHING_UP_DAYS = 3;

  private final PartitionStores stores;
  private final LongSupplier nanoTime;
  private final Map<String, Timed> openTests = newestKept();
  private final Map<String, PartTests> closedTests = newestKept();

  public KeywordQueries(PartitionStores stores) {
    this(stores, System::nanoTime);
  }

  KeywordQueries(PartitionStores stores, LongSupplier nanoTime) {
    this.stores = stores;
    this.nanoTime = nanoTime;
  }

  /** A map that keeps the {@value #TESTS_KEPT} entries used last. */
  private static <V> Map<String, V> newestKept() {
    return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > TESTS_KEPT;
      }
    });
  }

  /**
   * The day a trending list is for when the request names none: the latest day with papers; but
   * while the app catches up on a backlog (papers of more than {@value #CATCHING_UP_DAYS} days past
   * the last closed day, as in a replay), the first day not closed yet. The days after it are then
   * still partial (the slowest partition of {@code papers} has not reached them), and judging a
   * day far ahead of the closed ones reads each of its keywords' open days one by one.
   */
  public static Long defaultDay(Long latestDay, Long closedThrough) {
    if (latestDay != null && closedThrough != null && latestDay - closedThrough > CATCHING_UP_DAYS) {
      return closedThrough + 1;
    }
    return latestDay;
  }

  /** One partition's keyword state; a standby copy's when that is all this instance has. */
  KeywordHistory history(int partition, boolean stale) {
    return new KeywordHistory(
        stores.store(StoreNames.KEYWORD_CLOSED_DAYS, partition, stale),
        stores.store(StoreNames.KEYWORD_DAYS, partition, stale),
        stores.store(StoreNames.KEYWORD_OPEN_PAPERS, partition, stale),
        stores.store(StoreNames.KEYWORD_SERIES, partition, stale),
        stores.store(StoreNames.KEYWORD_TITLES, partition, stale),
        stores.store(StoreNames.KEYWORD_DAY_TOTALS, partition, stale),
        stores.store(StoreNames.KEYWORD_PROGRESS, partition, stale));
  }

  /** The newest day with papers, and the last closed day, of the partitions. */
  public Map<String, Object> daysPart(Set<Integer> partitions, boolean stale) {
    Long latest = null;
    Long closed = null;
    for (int p : partitions) {
      KeywordHistory history = history(p, stale);
      Long day = history.latestDay();
      Long through = history.closedThrough();
      if (day != null) {
        latest = latest == null ? day : Long.valueOf(Math.max(latest, day));
      }
      if (through != null) {
        closed = closed == null ? through : Long.valueOf(Math.min(closed, through));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("latestDay", latest);
    out.put("closedThrough", closed);
    return out;
  }

  /** The partitions' tests of {@code window} ending on {@code day}, with the candidates that may pass. */
  public Map<String, Object> trendingPart(Set<Integer> partitions, boolean stale, long day, TrendWindow window) {
    long tests = 0;
    long namedTests = 0;
    List<Trend> candidates = new ArrayList<>();
    Map<String, Long> counts = new HashMap<>();
    for (int p : partitions) {
      PartTests part = partTests(p, stale, day, window);
      tests += part.tests();
      namedTests += part.namedTests();
      counts.putAll(part.counts());
      candidates.addAll(part.candidates());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tests", tests);
    out.put("namedTests", namedTests);
    out.put("counts", counts);
    out.put("candidates", candidates);
    return out;
  }

  /** One partition's tests of a window, as the API shows its candidates. */
  private record PartTests(long tests, long namedTests, Map<String, Long> counts, List<Trend> candidates) {}

  /**
   * An open day's tests, when they were made, and what they were made from: the papers of each day
   * of the history they read, and the last closed day.
   */
  private record Timed(long nanos, long[] papers, Long closed, PartTests tests) {
    boolean madeFrom(long[] papersNow, Long closedNow) {
      return Arrays.equals(papers, papersNow) && Objects.equals(closed, closedNow);
    }
  }

  /**
   * One partition's tests. Those of a closed day change only when a later day closes and the oldest
   * of the 112 days they read is deleted, so the newest of them are kept under the first day they
   * read (an active task's only: a standby copy applies its stores' changelogs one by one). Those of an open
   * day are reused while no paper has come in for the days they read, since every paper counts in
   * its day's papers on every partition; and, while papers stream in, for {@link
   * #OPEN_TESTS_REUSED}.
   */
  private PartTests partTests(int partition, boolean stale, long day, TrendWindow window) {
    KeywordHistory history = history(partition, stale);
    Long closed = history.closedThrough();
    // The days a day's tests read begin where its history does, or where the kept days do once
    // later days have deleted the oldest: tests kept from before must not outlive those days.
    String key = partition + "|" + day + "|" + window + "|" + KeywordHistory.readsFrom(day, closed);
    PartTests cached = closedTests.get(key);
    if (cached != null) {
      return cached;
    }
    long now = nanoTime.getAsLong();
    Timed recent = openTests.get(key);
    if (recent != null && now - recent.nanos() < OPEN_TESTS_REUSED.toNanos()) {
      return recent.tests();
    }
    long[] papers = history.totalsUpTo(day);
    if (recent != null && recent.madeFrom(papers, closed)) {
      return recent.tests();
    }
    KeywordHistory.Tests tests = history.test(day, window, Trending.CANDIDATE_MAX_P);
    List<Trend> candidates = new ArrayList<>();
    for (KeywordHistory.Judged judged : tests.candidates()) {
      candidates.add(trend(history, judged, window));
    }
    PartTests part = new PartTests(tests.tests(), tests.namedTests(), tests.counts(), candidates);
    if (!stores.hosted(false).contains(partition)) {
      return part;
    }
    if (closed != null && day <= closed) {
      closedTests.put(key, part);
    } else {
      openTests.put(key, new Timed(now, papers, closed, part));
    }
    return part;
  }

  /** A keyword's days and its trends on its partition's latest day; null when no paper has it. */
  public Keyword keyword(String key, int partition, boolean stale) {
    return keyword(history(partition, stale), key);
  }

  static Keyword keyword(KeywordHistory history, String key) {
    Long latest = history.latestDay();
    List<KeywordHistory.Day> days = latest == null ? List.of() : history.history(key, latest - TrendWindow.HISTORY_DAYS + 1, latest);
    if (days.isEmpty()) {
      return null;
    }
    Map<Long, Long> totals = history.totals(latest - TrendWindow.HISTORY_DAYS + 1, latest);
    Long through = history.closedThrough();
    List<KeywordDayPoint> series = new ArrayList<>();
    for (KeywordHistory.Day d : days) {
      series.add(new KeywordDayPoint(LocalDate.ofEpochDay(d.day()).toString(), d.value().getCount(),
          totals.getOrDefault(d.day(), 0L), through != null && d.day() <= through));
    }
    KeywordHistory.Judged judged = history.judge(key, latest, history.totalsUpTo(latest), true);
    Map<String, Trend> windows = new LinkedHashMap<>();
    for (TrendWindow window : TrendWindow.values()) {
      windows.put(window.name(), trend(history, judged, window));
    }
    return new Keyword(key, days.get(days.size() - 1).value().getLabel(), LocalDate.ofEpochDay(latest).toString(),
        through != null && latest <= through, series, judged.weeks(WEEKS), windows);
  }

  /** A keyword's trend in a window, as the API shows it. */
  private static Trend trend(KeywordHistory history, KeywordHistory.Judged judged, TrendWindow window) {
    String label = judged.last() == null ? judged.keyword() : judged.last().getLabel();
    return Trend.of(judged.keyword(), label, judged.in(window), judged.fragment(), judged.weeks(WEEKS), history.samples(judged));
  }
}
