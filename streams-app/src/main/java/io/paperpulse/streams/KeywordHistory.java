package io.paperpulse.streams;

import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.paperpulse.avro.PaperRef;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;


/**
 * Reads the keyword trends' state of one partition: each keyword's papers per day ({@link
 * KeywordDay}, under {@code keyword|day}), so a paper updates one small record and a window is one
 * range read; the keywords of each day (under {@code day|keyword}); the titles of the day's papers
 * (under {@code day|id|}, once a paper, for samples); and all papers per day. The trends processor
 * judges closed days with it and deletes the days no window needs (their changelogs are compacted,
 * so the deletes keep them bounded too); the HTTP API answers with it.
 */
public final class KeywordHistory {
  private final ReadOnlyKeyValueStore<String, KeywordDay> days;
  private final ReadOnlyKeyValueStore<String, String> index;
  private final ReadOnlyKeyValueStore<String, String> titles;
  private final ReadOnlyKeyValueStore<Long, Long> totals;

  public KeywordHistory(
      ReadOnlyKeyValueStore<String, KeywordDay> days,
      ReadOnlyKeyValueStore<String, String> index,
      ReadOnlyKeyValueStore<String, String> titles,
      ReadOnlyKeyValueStore<Long, Long> totals) {
    this.days = days;
    this.index = index;
    this.titles = titles;
    this.totals = totals;
  }

  /** A keyword's papers on a day, with the day's label and samples. */
  public record Day(long day, KeywordDay value) {}

  /** A day as seven digits, so keys sort by day, for any day a timestamp can give (to year 29349). */
  static String day(long day) {
    String digits = Long.toString(Math.max(0, Math.min(day, 9_999_999)));
    return "0000000".substring(digits.length()) + digits;
  }

  /** A keyword's day: no keyword holds '|', so one keyword's days are one key range. */
  static String dayKey(String keyword, long day) {
    return keyword + '|' + day(day);
  }

  static String indexKey(long day, String keyword) {
    return day(day) + '|' + keyword;
  }

  static String titleKey(long day, String paperId) {
    return day(day) + '|' + paperId + '|';
  }

  /** The sample papers of a judged keyword's day, with their titles. */
  public List<PaperRef> samples(Judged judged) {
    List<PaperRef> out = new ArrayList<>();
    if (judged.last() != null) {
      for (String id : judged.last().getSamples()) {
        String title = titles.get(titleKey(judged.day(), id));
        out.add(new PaperRef(id, title == null ? "" : title));
      }
    }
    return out;
  }

  /** The keywords mentioned on {@code day}. */
  public List<String> keywordsOf(long day) {
    List<String> keywords = new ArrayList<>();
    String prefix = day(day) + '|';
    try (KeyValueIterator<String, String> members = index.prefixScan(prefix, new StringSerializer())) {
      members.forEachRemaining(m -> keywords.add(m.key.substring(prefix.length())));
    }
    return keywords;
  }

  /** The papers of {@code day} with a title kept, as their title keys. */
  List<String> titleKeysOf(long day) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> papers = titles.prefixScan(day(day) + '|', new StringSerializer())) {
      papers.forEachRemaining(p -> keys.add(p.key));
    }
    return keys;
  }

  /** A keyword's days from {@code fromDay} to {@code toDay}, oldest first; days without it left out. */
  public List<Day> history(String keyword, long fromDay, long toDay) {
    List<Day> out = new ArrayList<>();
    try (KeyValueIterator<String, KeywordDay> range = days.range(dayKey(keyword, Math.max(0, fromDay)), dayKey(keyword, toDay))) {
      while (range.hasNext()) {
        KeyValue<String, KeywordDay> kv = range.next();
        out.add(new Day(Long.parseLong(kv.key.substring(kv.key.lastIndexOf('|') + 1)), kv.value));
      }
    }
    return out;
  }

  /** All papers per day from {@code fromDay} to {@code toDay}; days without papers left out. */
  public Map<Long, Long> totals(long fromDay, long toDay) {
    Map<Long, Long> out = new TreeMap<>();
    try (KeyValueIterator<Long, Long> range = totals.range(Math.max(0, fromDay), toDay)) {
      range.forEachRemaining(kv -> out.put(kv.key, kv.value));
    }
    return out;
  }

  /** All papers per day of the {@link TrendWindow#HISTORY_DAYS} days ending on {@code day}, oldest first. */
  public long[] totalsUpTo(long day) {
    long first = day - TrendWindow.HISTORY_DAYS + 1;
    long[] out = new long[TrendWindow.HISTORY_DAYS];
    totals(first, day).forEach((d, n) -> out[(int) (d - first)] = n);
    return out;
  }

  /** The newest day with papers, or null. */
  public Long latestDay() {
    try (KeyValueIterator<Long, Long> all = totals.reverseAll()) {
      return all.hasNext() ? all.next().key : null;
    }
  }

  /**
   * A keyword's evaluation in each window ending on {@code day}, its label and samples that day, and
   * its papers per day.
   */
  public record Judged(String keyword, long day, KeywordDay last, List<Evaluation> evaluations, Map<Long, Long> counts) {
    public Evaluation in(TrendWindow window) {
      return evaluations.get(window.ordinal());
    }

    /** Papers per week, oldest first: {@code weeks} runs of 7 days, the last ending on the day. */
    public long[] weeks(int weeks) {
      long[] out = new long[weeks];
      for (Map.Entry<Long, Long> e : counts.entrySet()) {
        long back = (day - e.getKey()) / 7;
        if (back >= 0 && back < weeks) {
          out[weeks - 1 - (int) back] += e.getValue();
        }
      }
      return out;
    }
  }

  /** Papers any window needs at the least: fewer in the longest window, and no window is tested. */
  private static final int LEAST_SUPPORT = java.util.Arrays.stream(TrendWindow.values()).mapToInt(TrendWindow::minSupport).min().orElseThrow();

  /**
   * Judges a keyword in every window ending on {@code day}, from its history and {@code totals}
   * ({@link #totalsUpTo}). Unless {@code always}, a keyword with too few papers for any window to
   * be tested is not judged: null.
   */
  public Judged judge(String keyword, long day, long[] totals, boolean always) {
    long first = day - TrendWindow.HISTORY_DAYS + 1;
    long[] counts = new long[TrendWindow.HISTORY_DAYS];
    long sum = 0;
    KeywordDay last = null;
    Map<Long, Long> byDay = new TreeMap<>();
    for (Day d : history(keyword, first, day)) {
      counts[(int) (d.day() - first)] = d.value().getCount();
      byDay.put(d.day(), d.value().getCount());
      sum += d.value().getCount();
      if (d.day() == day) {
        last = d.value();
      }
    }
    if (!always && sum < LEAST_SUPPORT) {
      return null;
    }
    List<Evaluation> evaluations = new ArrayList<>();
    for (TrendWindow window : TrendWindow.values()) {
      evaluations.add(Evaluation.of(window, day, counts, totals));
    }
    return new Judged(keyword, day, last, evaluations, byDay);
  }

  /**
   * What one partition holds of a window's trending list: how many listable keywords it tested,
   * those that may pass, and every tested keyword's count (for finding fragments).
   */
  public record Tests(long tests, List<Judged> candidates, Map<String, Long> counts) {}

  /** Tests every keyword of {@code day} in {@code window}; a candidate has p at most {@code maxP}. */
  public Tests test(long day, TrendWindow window, double maxP) {
    long[] totalsByDay = totalsUpTo(day);
    List<Judged> candidates = new ArrayList<>();
    Map<String, Long> counts = new java.util.HashMap<>();
    long tests = 0;
    for (String keyword : keywordsOf(day)) {
      Judged judged = judge(keyword, day, totalsByDay, false);
      if (judged == null || !judged.in(window).supported() || judged.last() == null) {
        continue;
      }
      Evaluation e = judged.in(window);
      counts.put(keyword, e.count());
      if (!MentionTerms.listable(keyword, judged.last().getLabel())) {
        continue; // never listed, so not one of the list's hypotheses
      }
      tests++;
      if (e.pValue() <= maxP) {
        candidates.add(judged);
      }
    }
    return new Tests(tests, candidates, counts);
  }
}
