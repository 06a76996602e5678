package io.paperpulse.streams.api;

import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.keywordtrends.KeywordHistory;
import io.paperpulse.streams.keywordtrends.KeywordTrendsTopology;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The analytics' answers, from the stores of some partitions of the {@code analytics} topic (each
 * instance's part). A part is merged as JSON ({@link PartMerges}), so that a remote instance's
 * part, which arrives as JSON, merges like a local one.
 */
final class AnalyticsQueries {
  /** Weeks in a keyword's sparkline. */
  static final int WEEKS = 12;

  /** Lists of closed days kept, per partition and window. */
  private static final int CLOSED_TESTS_KEPT = 512;

  private final PartitionStores stores;
  private final Map<String, PartTests> closedTests =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PartTests> eldest) {
          return size() > CLOSED_TESTS_KEPT;
        }
      });

  AnalyticsQueries(PartitionStores stores) {
    this.stores = stores;
  }

  /** One partition's store; a standby copy when that is all this instance has. */
  private <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale) {
    return stores.store(name, partition, stale);
  }

  /** The analytics partitions whose active tasks run here, and (if {@code standbys}) those it holds a standby copy of. */
  TreeSet<Integer> hostedPartitions(boolean standbys) {
    return stores.hosted(standbys);
  }

  KeywordHistory history(int partition, boolean stale) {
    return new KeywordHistory(
        store(StoreNames.KEYWORD_DAYS, partition, stale),
        store(StoreNames.KEYWORD_DAY_INDEX, partition, stale),
        store(StoreNames.KEYWORD_SERIES, partition, stale),
        store(StoreNames.KEYWORD_TITLES, partition, stale),
        store(StoreNames.KEYWORD_DAY_TOTALS, partition, stale),
        store(StoreNames.KEYWORD_PROGRESS, partition, stale));
  }

  // ---- subjects (research topics) ----

  /**
   * The daily counts of the partitions' subjects, with every day's papers. A day that some of the
   * partitions have not counted yet (a copy still restoring or behind) has a total of 0, so a
   * merged answer never looks complete while a part of it is missing.
   */
  Map<String, Object> topicDaysPart(Set<Integer> partitions, boolean stale) {
    Map<String, Object> days = new TreeMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int p : partitions) {
      ReadOnlyKeyValueStore<Long, TopicDayCounts> store = store(StoreNames.TOPIC_DAYS, p, stale);
      try (KeyValueIterator<Long, TopicDayCounts> all = store.all()) {
        all.forEachRemaining(kv -> {
          days.merge(String.valueOf(kv.key), dayJson(kv.value), AnalyticsQueries::mergeDayJson);
          seen.merge(String.valueOf(kv.key), 1, Integer::sum);
        });
      }
    }
    seen.forEach((day, count) -> {
      if (count < partitions.size()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) days.get(day);
        json.put("total", 0L);
      }
    });
    return Map.of("days", days);
  }

  private static Map<String, Object> dayJson(TopicDayCounts day) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", day.getTotal());
    out.put("counts", new TreeMap<>(day.getCounts()));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object mergeDayJson(Object a, Object b) {
    Map<String, Object> x = (Map<String, Object>) a;
    Map<String, Object> y = (Map<String, Object>) b;
    Map<String, Long> counts = new TreeMap<>((Map<String, Long>) x.get("counts"));
    ((Map<String, Long>) y.get("counts")).forEach((k, v) -> counts.merge(k, v, Long::sum));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", Math.min(((Number) x.get("total")).longValue(), ((Number) y.get("total")).longValue()));
    out.put("counts", counts);
    return out;
  }

  // ---- keyword trends ----

  /** The newest day with papers, and the last closed day, of the partitions. */
  Map<String, Object> daysPart(Set<Integer> partitions, boolean stale) {
    Long latest = null;
    Long closed = null;
    for (int p : partitions) {
      Long day = history(p, stale).latestDay();
      Long through = this.<String, Long>store(StoreNames.KEYWORD_PROGRESS, p, stale).get(KeywordTrendsTopology.CLOSED_THROUGH);
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
  Map<String, Object> trendingPart(Set<Integer> partitions, boolean stale, long day, TrendWindow window) {
    long tests = 0;
    long namedTests = 0;
    List<Answers.Trend> candidates = new ArrayList<>();
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
  private record PartTests(long tests, long namedTests, Map<String, Long> counts, List<Answers.Trend> candidates) {}

  /**
   * One partition's tests; those of a closed day never change, so the newest of them are kept
   * (an active task's only: a standby copy applies its stores' changelogs one by one).
   */
  private PartTests partTests(int partition, boolean stale, long day, TrendWindow window) {
    String key = partition + "|" + day + "|" + window;
    PartTests cached = closedTests.get(key);
    if (cached != null) {
      return cached;
    }
    KeywordHistory history = history(partition, stale);
    Long closed = history.closedThrough();
    KeywordHistory.Tests tests = history.test(day, window, Trending.CANDIDATE_MAX_P);
    List<Answers.Trend> candidates = new ArrayList<>();
    for (KeywordHistory.Judged judged : tests.candidates()) {
      candidates.add(trend(history, judged, window));
    }
    PartTests part = new PartTests(tests.tests(), tests.namedTests(), tests.counts(), candidates);
    if (closed != null && day <= closed && hostedPartitions(false).contains(partition)) {
      closedTests.put(key, part);
    }
    return part;
  }

  // ---- alerts ----

  /** The newest alerts of the partitions, at most {@code limit}. */
  Map<String, Object> alertsPart(Set<Integer> partitions, boolean stale, int limit) {
    List<Answers.Alert> alerts = new ArrayList<>();
    for (int p : partitions) {
      ReadOnlyKeyValueStore<String, SpikeAlert> store = store(StoreNames.RECENT_ALERTS, p, stale);
      try (KeyValueIterator<String, SpikeAlert> all = store.reverseAll()) {
        for (int i = 0; i < limit && all.hasNext(); i++) {
          var kv = all.next();
          alerts.add(Answers.Alert.of(kv.key, kv.value));
        }
      }
    }
    return Map.of("alerts", alerts);
  }

  // ---- one keyword ----

  /** A keyword's days and its trends on its partition's latest day, without its watch; null when no paper has it. */
  Answers.Keyword keyword(String key, int partition, boolean stale) {
    KeywordHistory history = history(partition, stale);
    Long latest = history.latestDay();
    List<KeywordHistory.Day> days = latest == null ? List.of() : history.history(key, latest - TrendWindow.HISTORY_DAYS + 1, latest);
    if (days.isEmpty()) {
      return null;
    }
    Map<Long, Long> totals = history.totals(latest - TrendWindow.HISTORY_DAYS + 1, latest);
    Long through = this.<String, Long>store(StoreNames.KEYWORD_PROGRESS, partition, stale).get(KeywordTrendsTopology.CLOSED_THROUGH);
    List<Answers.KeywordDayPoint> series = new ArrayList<>();
    for (KeywordHistory.Day d : days) {
      series.add(new Answers.KeywordDayPoint(LocalDate.ofEpochDay(d.day()).toString(), d.value().getCount(),
          totals.getOrDefault(d.day(), 0L), through != null && d.day() <= through));
    }
    KeywordHistory.Judged judged = history.judge(key, latest, history.totalsUpTo(latest), true);
    Map<String, Answers.Trend> windows = new LinkedHashMap<>();
    for (TrendWindow window : TrendWindow.values()) {
      windows.put(window.name(), trend(history, judged, window));
    }
    return new Answers.Keyword(key, days.get(days.size() - 1).value().getLabel(), LocalDate.ofEpochDay(latest).toString(),
        through != null && latest <= through, series, judged.weeks(WEEKS), windows, null);
  }

  /** A keyword's trend in a window, as the API shows it. */
  private static Answers.Trend trend(KeywordHistory history, KeywordHistory.Judged judged, TrendWindow window) {
    String label = judged.last() == null ? judged.keyword() : judged.last().getLabel();
    return Answers.Trend.of(judged.keyword(), label, judged.in(window), judged.weeks(WEEKS), history.samples(judged));
  }
}
