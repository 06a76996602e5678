package io.paperpulse.streams.keywordtrends;

import io.paperpulse.avro.PaperRef;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.SortableKey;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the keyword trends' state of one partition: each closed day's keywords with their records
 * ({@link KeywordDay}) in a few records a day ({@link ClosedDays}), so one day is a few reads and
 * one keyword's day one read; the terms of each paper of an open day (under {@code day|id|}), from
 * which the open days' records are made when read; each keyword's counts of the closed days in one
 * record ({@link KeywordSeries}), so judging a keyword is one read (that store has no changelog: it
 * is made again from the closed days when it does not reach the last day closed, see {@link
 * #SERIES_THROUGH}); the titles of the day's papers
 * (under {@code day|id|}, once a paper, for samples); all papers per day; and the last day closed.
 * Days that versions before {@link ClosedDays} closed are read from their records under {@code
 * day|keyword}. The trends processor judges closed days with it and deletes the days no window
 * needs (their changelogs are compacted, so the deletes keep them bounded too); {@link
 * KeywordQueries} answers the HTTP API with it.
 */
public final class KeywordHistory {
  /** Records a closed day is stored in ({@link ClosedDays}). */
  public static final int CLOSED_DAY_CHUNKS = ClosedDays.CHUNKS;
  /**
   * The key, in the series store, of a {@link KeywordSeries#mark} of the last closed day its series
   * hold. The store has no changelog: where it is empty or behind (a task restored on another
   * instance, a standby copy, state wiped after a crash), the series are made from the closed days.
   * No keyword's key holds this character.
   */
  static final String SERIES_THROUGH = "\u0000series-through";
  /** Chunks of closed days kept decoded: a closed day never changes. */
  private static final int CHUNKS_KEPT = 256;

  private final ReadOnlyKeyValueStore<String, Map<String, KeywordDay>> closedDays;
  private final ReadOnlyKeyValueStore<String, KeywordDay> days;
  private final ReadOnlyKeyValueStore<String, KeywordSeries> series;
  private final ReadOnlyKeyValueStore<String, String> titles;
  private final ReadOnlyKeyValueStore<Long, Long> totals;
  private final ReadOnlyKeyValueStore<String, Long> progress;
  /** Null where only closed days are read (the trends processor keeps the open days itself). */
  private final ReadOnlyKeyValueStore<String, Contribution> openPapers;
  /** The open days' records, made from their papers once per day read. */
  private final Map<Long, Map<String, KeywordDay>> openDays = new HashMap<>();
  /** The series made from the closed days, where the series store does not hold them; null until needed. */
  private Map<String, KeywordSeries> madeSeries;
  private Boolean seriesCurrent;
  private final Map<String, Map<String, KeywordDay>> chunks = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<String, KeywordDay>> eldest) {
      return size() > CHUNKS_KEPT;
    }
  };

  /**
   * @param closedDays the closed days' chunks
   * @param days the closed days' records under {@code day|keyword}, as versions before {@link
   *     ClosedDays} wrote them
   * @param openPapers the open days' papers; null to read the closed days only. What this makes of
   *     an open day is kept for the life of this object: give one to one answer only.
   */
  public KeywordHistory(
      ReadOnlyKeyValueStore<String, Map<String, KeywordDay>> closedDays,
      ReadOnlyKeyValueStore<String, KeywordDay> days,
      ReadOnlyKeyValueStore<String, Contribution> openPapers,
      ReadOnlyKeyValueStore<String, KeywordSeries> series,
      ReadOnlyKeyValueStore<String, String> titles,
      ReadOnlyKeyValueStore<Long, Long> totals,
      ReadOnlyKeyValueStore<String, Long> progress) {
    this.closedDays = closedDays;
    this.days = days;
    this.openPapers = openPapers;
    this.series = series;
    this.titles = titles;
    this.totals = totals;
    this.progress = progress;
  }

  /** Counts into {@code records} the mentions of each paper of an open {@code day} in {@code openPapers}. */
  static void countOpenDay(ReadOnlyKeyValueStore<String, Contribution> openPapers, long day, Map<String, KeywordDay> records) {
    try (KeyValueIterator<String, Contribution> papers = openPapers.prefixScan(day(day) + '|', new StringSerializer())) {
      papers.forEachRemaining(p -> p.value.terms().forEach(term -> KeywordTrendsProcessor.mention(records, term, p.value.paperId())));
    }
  }

  /**
   * The records of a day that the days store does not hold, made from its papers in the
   * open-papers store: empty for a closed day, or where this reads closed days only.
   */
  private Map<String, KeywordDay> openDay(long day) {
    if (openPapers == null) {
      return Map.of();
    }
    return openDays.computeIfAbsent(day, d -> {
      Map<String, KeywordDay> out = new TreeMap<>();
      countOpenDay(openPapers, d, out);
      return out;
    });
  }

  /** A chunk of a closed day, or null when none is stored. */
  private Map<String, KeywordDay> chunk(long day, int chunk) {
    String key = ClosedDays.key(day, chunk);
    Map<String, KeywordDay> known = chunks.get(key);
    if (known == null) {
      known = closedDays.get(key);
      if (known != null) {
        chunks.put(key, known);
      }
    }
    return known;
  }

  /**
   * A keyword's record of a day: from the closed day's chunk, else as an earlier version stored it,
   * else made from an open day's papers.
   */
  private KeywordDay dayOf(String keyword, long day) {
    Map<String, KeywordDay> closed = chunk(day, ClosedDays.chunkOf(keyword));
    if (closed != null) {
      return closed.get(keyword);
    }
    KeywordDay stored = days.get(dayKey(keyword, day));
    return stored != null ? stored : openDay(day).get(keyword);
  }

  /** A keyword's papers on a day, with the day's label and samples. */
  record Day(long day, KeywordDay value) {}

  /** A day as seven digits, so keys sort by day, for any day a timestamp can give (to year 29349). */
  private static final SortableKey DAY_KEY = new SortableKey(7, '|');

  /** A day as {@link #DAY_KEY} writes it. */
  static String day(long day) {
    return DAY_KEY.number(Math.max(0, Math.min(day, 9_999_999)));
  }

  /** A keyword's day: one day's keywords are one key range. */
  static String dayKey(String keyword, long day) {
    return day(day) + '|' + keyword;
  }

  static String titleKey(long day, String paperId) {
    return day(day) + '|' + paperId + '|';
  }

  /** The sample papers of a judged keyword's day, with their titles. */
  List<PaperRef> samples(Judged judged) {
    List<PaperRef> out = new ArrayList<>();
    if (judged.last() != null) {
      for (String id : judged.last().getSamples()) {
        String title = titles.get(titleKey(judged.lastDay(), id));
        out.add(PaperRef.newBuilder().setId(id).setTitle(title == null ? "" : title).build());
      }
    }
    return out;
  }

  /** The keywords mentioned on {@code day}, each with its record of the day. */
  Map<String, KeywordDay> daysOf(long day) {
    Map<String, KeywordDay> out = new HashMap<>();
    String prefix = day(day) + '|';
    try (KeyValueIterator<String, Map<String, KeywordDay>> records = closedDays.prefixScan(prefix, new StringSerializer())) {
      records.forEachRemaining(r -> out.putAll(r.value));
    }
    if (out.isEmpty()) {
      try (KeyValueIterator<String, KeywordDay> records = days.prefixScan(prefix, new StringSerializer())) {
        records.forEachRemaining(r -> out.put(r.key.substring(prefix.length()), r.value));
      }
    }
    return out.isEmpty() ? openDay(day) : out;
  }

  /** A keyword's days from {@code fromDay} to {@code toDay}, oldest first; days without it left out. */
  List<Day> history(String keyword, long fromDay, long toDay) {
    List<Day> out = new ArrayList<>();
    for (long d = Math.max(0, fromDay); d <= toDay; d++) {
      KeywordDay value = dayOf(keyword, d);
      if (value != null) {
        out.add(new Day(d, value));
      }
    }
    return out;
  }

  /** All papers per day from {@code fromDay} to {@code toDay}; days without papers left out. */
  Map<Long, Long> totals(long fromDay, long toDay) {
    Map<Long, Long> out = new TreeMap<>();
    try (KeyValueIterator<Long, Long> range = totals.range(Math.max(0, fromDay), toDay)) {
      range.forEachRemaining(kv -> out.put(kv.key, kv.value));
    }
    return out;
  }

  /** All papers per day of the {@link TrendWindow#HISTORY_DAYS} days ending on {@code day}, oldest first. */
  long[] totalsUpTo(long day) {
    long first = day - TrendWindow.HISTORY_DAYS + 1;
    long[] out = new long[TrendWindow.HISTORY_DAYS];
    totals(first, day).forEach((d, n) -> out[(int) (d - first)] = n);
    return out;
  }

  /** The newest day with papers, or null. */
  Long latestDay() {
    try (KeyValueIterator<Long, Long> all = totals.reverseAll()) {
      return all.hasNext() ? all.next().key : null;
    }
  }

  /**
   * Each keyword's series of the closed days that are kept ({@link TrendWindow#HISTORY_DAYS} up to
   * {@code closed}), made from those days' records: what the series store holds when current.
   */
  Map<String, KeywordSeries> seriesFromDays(long closed) {
    return seriesFromDays(closed, this::daysOf);
  }

  /** As {@link #seriesFromDays(long)}, from the records {@code recordsOf} gives of each kept day. */
  private Map<String, KeywordSeries> seriesFromDays(long closed, LongFunction<Map<String, KeywordDay>> recordsOf) {
    long keepFrom = closed - TrendWindow.HISTORY_DAYS + 1;
    Map<String, KeywordSeries> out = new HashMap<>();
    for (long day : totals(keepFrom, closed).keySet()) {
      recordsOf.apply(day).forEach((keyword, value) ->
          out.put(keyword, out.getOrDefault(keyword, KeywordSeries.empty()).append(day, value.getCount(), value.getEnds(), keepFrom)));
    }
    return out;
  }

  /**
   * The first day the tests of {@code day} read: the first of its {@link TrendWindow#HISTORY_DAYS}
   * days, or the first day kept after {@code closed} (the last day closed; null before the first),
   * when days closed since have deleted older ones. The tests of a day long closed then compare its
   * window with the part of its baseline that is kept, the same part whenever they are read.
   */
  static long readsFrom(long day, Long closed) {
    long first = day - TrendWindow.HISTORY_DAYS + 1;
    return closed == null ? first : Math.max(first, closed - TrendWindow.HISTORY_DAYS + 1);
  }

  /** Whether the series store holds the series of every closed day. */
  boolean seriesCurrent() {
    if (seriesCurrent == null) {
      Long closed = closedThrough();
      KeywordSeries mark;
      try {
        mark = closed == null ? null : series.get(SERIES_THROUGH);
      } catch (InvalidStateStoreException e) {
        mark = null; // not kept on this instance, as on a standby copy
      }
      seriesCurrent = closed == null || mark != null && mark.lastDay() == closed;
    }
    return seriesCurrent;
  }

  /**
   * A keyword's series of closed days: from the store when it is current, else as made from the
   * days, for every keyword at once where {@link #makeSeries} was called, else for this one.
   */
  private KeywordSeries seriesOf(String keyword) {
    if (seriesCurrent()) {
      return series.get(keyword);
    }
    if (madeSeries != null) {
      return madeSeries.get(keyword);
    }
    return seriesFromDays(closedThrough(), day -> {
      KeywordDay value = dayOf(keyword, day);
      return value == null ? Map.of() : Map.of(keyword, value);
    }).get(keyword);
  }

  /** Where the series store is not current, makes every keyword's series from the days: before reading many. */
  private void makeSeries() {
    if (!seriesCurrent() && madeSeries == null) {
      madeSeries = seriesFromDays(closedThrough());
    }
  }

  /** The last day closed, or null before the first. */
  Long closedThrough() {
    return progress.get(KeywordTrendsTopology.CLOSED_THROUGH);
  }

  /**
   * A keyword's evaluation in each window ending on {@code day}, its papers per day ({@code
   * counts}: the {@link TrendWindow#HISTORY_DAYS} days ending on {@code day}, oldest first), and the
   * label and samples of the last of those days that mentions it ({@code lastDay}; {@code last} is
   * null when no day of the history does).
   */
  public record Judged(
      String keyword, long day, long lastDay, KeywordDay last, List<Evaluation> evaluations, long[] counts, long[] ends) {
    Evaluation in(TrendWindow window) {
      return evaluations.get(window.ordinal());
    }

    /**
     * Whether the keyword reads as the start of longer phrases ({@link Trending#fragment}), judged
     * on all its papers of the {@link TrendWindow#HISTORY_DAYS} days: a phrase's place in the phrases
     * papers write changes little from week to week, and a day's few papers would judge it by chance.
     */
    boolean fragment() {
      return Trending.fragment(keyword, sum(counts, 0, counts.length), sum(ends, 0, ends.length));
    }

    /** Papers per week, oldest first: {@code weeks} runs of 7 days, the last ending on the day. */
    long[] weeks(int weeks) {
      long[] out = new long[weeks];
      // counts[i] is the papers of day (day - counts.length + 1 + i), so counts.length - 1 - i days back.
      for (int i = 0; i < counts.length; i++) {
        long back = (counts.length - 1 - i) / 7;
        if (back < weeks) {
          out[weeks - 1 - (int) back] += counts[i];
        }
      }
      return out;
    }
  }

  /** Papers any window needs at the least: fewer in the longest window, and no window is tested. */
  private static final int LEAST_SUPPORT = Arrays.stream(TrendWindow.values()).mapToInt(TrendWindow::leastSupport).min().orElseThrow();

  /**
   * Judges a keyword in every window ending on {@code day}, from its series of closed days, the
   * open days' records, and {@code totals} ({@link #totalsUpTo}). Unless {@code always}, a keyword
   * with too few papers for any window to be tested is not judged: null.
   */
  Judged judge(String keyword, long day, long[] totals, boolean always) {
    Long closed = closedThrough();
    return judge(keyword, day, totals, always, closed == null ? Long.MIN_VALUE : closed);
  }

  private Judged judge(String keyword, long day, long[] totals, boolean always, long closed) {
    DayCounts byDay = counts(keyword, day, totals, closed);
    return judge(keyword, day, byDay.papers(), byDay.ends(), totals, always);
  }

  /** A keyword's papers on each of a run of days, and those of them that end its phrase. */
  private record DayCounts(long[] papers, long[] ends) {}

  /** A keyword's papers on each of the {@link TrendWindow#HISTORY_DAYS} days ending on {@code day}. */
  private DayCounts counts(String keyword, long day, long[] totals, long closed) {
    long first = day - TrendWindow.HISTORY_DAYS + 1;
    long[] counts = new long[TrendWindow.HISTORY_DAYS];
    long[] ends = new long[TrendWindow.HISTORY_DAYS];
    KeywordSeries stored = seriesOf(keyword);
    if (stored != null) {
      stored.addTo(counts, first, Math.min(day, closed));
      stored.addEndsTo(ends, first, Math.min(day, closed));
      // A series keeps a day no window needs until its keyword's next day; the day's total and
      // records are gone, and series made again do not have it: it counts as none everywhere.
      long keptFrom = closed == Long.MIN_VALUE ? first : closed - TrendWindow.HISTORY_DAYS + 1;
      for (long d = first; d < Math.min(keptFrom, day + 1); d++) {
        counts[(int) (d - first)] = 0;
        ends[(int) (d - first)] = 0;
      }
    }
    for (long d = Math.max(first, closed + 1); d <= day; d++) {
      if (totals[(int) (d - first)] > 0) {
        KeywordDay open = dayOf(keyword, d);
        counts[(int) (d - first)] = open == null ? 0 : open.getCount();
        ends[(int) (d - first)] = open == null ? 0 : open.getEnds();
      }
    }
    return new DayCounts(counts, ends);
  }

  /**
   * Judges a keyword whose series holds every day through {@code day}, as the trends processor
   * does when it closes that day.
   */
  Judged judge(String keyword, long day, KeywordSeries stored, long[] totals, boolean always) {
    long first = day - TrendWindow.HISTORY_DAYS + 1;
    long[] counts = new long[TrendWindow.HISTORY_DAYS];
    long[] ends = new long[TrendWindow.HISTORY_DAYS];
    stored.addTo(counts, first, day);
    stored.addEndsTo(ends, first, day);
    return judge(keyword, day, counts, ends, totals, always);
  }

  private Judged judge(String keyword, long day, long[] counts, long[] ends, long[] totals, boolean always) {
    long first = day - TrendWindow.HISTORY_DAYS + 1;
    if (!always && sum(counts, 0, counts.length) < LEAST_SUPPORT) {
      return null;
    }
    long lastDay = Long.MIN_VALUE;
    for (int i = counts.length - 1; i >= 0; i--) {
      if (counts[i] > 0) {
        lastDay = first + i;
        break;
      }
    }
    List<Evaluation> evaluations = new ArrayList<>();
    for (TrendWindow window : TrendWindow.values()) {
      evaluations.add(Evaluation.of(window, day, counts, totals));
    }
    KeywordDay last = lastDay == Long.MIN_VALUE ? null : dayOf(keyword, lastDay);
    return new Judged(keyword, day, lastDay, last, evaluations, counts, ends);
  }

  /**
   * What one partition holds of a window's trending list: how many listable keywords it tested,
   * how many of those are names ({@link Trending#named}), those that may pass, and every tested
   * keyword's count (for finding fragments).
   */
  public record Tests(long tests, long namedTests, List<Judged> candidates, Map<String, Long> counts) {}

  /**
   * Tests every keyword mentioned in {@code window} ending on {@code day}, not only on the day
   * itself; a candidate has p at most {@code maxP}.
   */
  public Tests test(long day, TrendWindow window, double maxP) {
    long[] totalsByDay = totalsUpTo(day);
    Long through = closedThrough();
    long closed = through == null ? Long.MIN_VALUE : through;
    long from = readsFrom(day, through);
    // A day the trends processor is deleting reads as deleted already.
    Arrays.fill(totalsByDay, 0, (int) Math.min(totalsByDay.length, from - (day - TrendWindow.HISTORY_DAYS + 1)), 0L);
    // Each keyword's papers in the window, from one scan a day: only those with enough are read further.
    Map<String, Long> inWindow = new HashMap<>();
    for (long d = Math.max(from, day - window.days() + 1); d <= day; d++) {
      daysOf(d).forEach((keyword, value) -> inWindow.merge(keyword, value.getCount(), Long::sum));
    }
    makeSeries();
    List<Judged> candidates = new ArrayList<>();
    Map<String, Long> counts = new HashMap<>();
    long tests = 0;
    long namedTests = 0;
    for (Map.Entry<String, Long> support : inWindow.entrySet()) {
      if (support.getValue() < window.leastSupport()) {
        continue; // too few papers in the window to be tested
      }
      String keyword = support.getKey();
      DayCounts byDay = counts(keyword, day, totalsByDay, closed);
      Judged judged = judge(keyword, day, byDay.papers(), byDay.ends(), totalsByDay, false);
      if (judged == null || judged.last() == null || !judged.in(window).supported(Trending.named(judged.last().getLabel()))) {
        continue;
      }
      Evaluation e = judged.in(window);
      counts.put(keyword, e.count());
      if (!MentionTerms.listable(keyword, judged.last().getLabel()) || judged.fragment()) {
        continue; // never listed, so not one of the list's hypotheses
      }
      tests++;
      if (Trending.named(judged.last().getLabel())) {
        namedTests++;
      }
      if (e.pValue() <= maxP) {
        candidates.add(judged);
      }
    }
    return new Tests(tests, namedTests, candidates, counts);
  }

  private static long sum(long[] counts, int from, int to) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += counts[i];
    }
    return sum;
  }
}
