package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperpulse.avro.PaperRef;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.streams.KeywordDay;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.KeywordHistory;
import io.paperpulse.streams.KeywordTrendsTopology;
import io.paperpulse.streams.StoreNames;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The analytics' answers, from the stores of some partitions of the {@code analytics} topic (each
 * instance's part), and the merge of the parts into one answer. Parts are plain maps, so that a
 * remote instance's part arrives as JSON and merges like a local one.
 */
final class AnalyticsQueries {
  /** Weeks in a keyword's sparkline. */
  static final int WEEKS = 12;

  /** Lists of closed days kept, per partition and window. */
  private static final int CLOSED_TESTS_KEPT = 512;

  private final KafkaStreams streams;
  private final Map<String, PartTests> closedTests =
      java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PartTests> eldest) {
          return size() > CLOSED_TESTS_KEPT;
        }
      });

  AnalyticsQueries(KafkaStreams streams) {
    this.streams = streams;
  }

  /** One partition's store; a standby copy when that is all this instance has. */
  <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale) {
    if (!hosted(partition, stale)) {
      // Asked for a partition this instance does not hold (the group is moving it): no answer
      // rather than an empty one.
      throw new org.apache.kafka.streams.errors.InvalidStateStoreException(
          "partition " + partition + " of the analytics is not on this instance");
    }
    StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> query =
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()).withPartition(partition);
    return streams.store(stale ? query.enableStaleStores() : query);
  }

  /** Whether this instance runs {@code partition}'s analytics task, or (if {@code stale}) holds a standby copy. */
  private boolean hosted(int partition, boolean stale) {
    for (org.apache.kafka.streams.ThreadMetadata thread : streams.metadataForLocalThreads()) {
      List<org.apache.kafka.streams.TaskMetadata> tasks = new ArrayList<>(thread.activeTasks());
      if (stale) {
        tasks.addAll(thread.standbyTasks());
      }
      for (org.apache.kafka.streams.TaskMetadata task : tasks) {
        for (org.apache.kafka.common.TopicPartition tp : task.topicPartitions()) {
          if (tp.partition() == partition && tp.topic().endsWith(io.paperpulse.streams.PaperPulseTopology.ANALYTICS_TOPIC_SUFFIX)) {
            return true;
          }
        }
      }
    }
    return false;
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

  /**
   * The parts' days merged: every partition counts every paper of a day, so a day's total is the
   * same in each once they have caught up, and the smallest is what every part has counted (a
   * standby copy may be behind); each subject is counted on one partition.
   */
  static Map<Long, TopicDayCounts> mergeTopicDays(List<JsonNode> parts) {
    Map<Long, TopicDayCounts> out = new TreeMap<>();
    Map<Long, Integer> seen = new HashMap<>();
    for (JsonNode part : parts) {
      part.path("days").fieldNames().forEachRemaining(day -> seen.merge(Long.parseLong(day), 1, Integer::sum));
      part.path("days").fields().forEachRemaining(day -> {
        long epochDay = Long.parseLong(day.getKey());
        long total = day.getValue().path("total").asLong();
        TopicDayCounts merged = out.computeIfAbsent(epochDay, d -> new TopicDayCounts(d, total, new HashMap<>()));
        merged.setTotal(Math.min(merged.getTotal(), total));
        day.getValue().path("counts").fields().forEachRemaining(c -> merged.getCounts().merge(c.getKey(), c.getValue().asLong(), Long::sum));
      });
    }
    seen.forEach((day, count) -> {
      if (count < parts.size()) {
        out.get(day).setTotal(0L); // not every part has counted it yet
      }
    });
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
    List<Map<String, Object>> candidates = new ArrayList<>();
    Map<String, Long> counts = new HashMap<>();
    for (int p : partitions) {
      PartTests part = partTests(p, stale, day, window);
      tests += part.tests();
      counts.putAll(part.counts());
      candidates.addAll(part.candidates());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tests", tests);
    out.put("counts", counts);
    out.put("candidates", candidates);
    return out;
  }

  /** One partition's tests of a window, as the API shows its candidates. */
  private record PartTests(long tests, Map<String, Long> counts, List<Map<String, Object>> candidates) {}

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
    KeywordHistory.Tests tests = history.test(day, window, Trending.MAX_Q);
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (KeywordHistory.Judged judged : tests.candidates()) {
      candidates.add(trendJson(history, judged, window));
    }
    PartTests part = new PartTests(tests.tests(), tests.counts(), candidates);
    if (closed != null && day <= closed && hosted(partition, false)) {
      closedTests.put(key, part);
    }
    return part;
  }

  /** A keyword's trend in a window, as the API shows it. */
  static Map<String, Object> trendJson(KeywordHistory history, KeywordHistory.Judged judged, TrendWindow window) {
    Evaluation e = judged.in(window);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("keyword", judged.keyword());
    out.put("label", judged.last() == null ? judged.keyword() : judged.last().getLabel());
    out.put("window", window.name());
    out.put("start", LocalDate.ofEpochDay(e.startDay()).toString());
    out.put("end", LocalDate.ofEpochDay(e.endDay()).toString());
    out.put("count", e.count());
    out.put("total", e.total());
    out.put("baselineCount", e.baselineCount());
    out.put("baselineTotal", e.baselineTotal());
    out.put("baselineDays", e.baselineDays());
    out.put("expected", e.baselineTotal() == 0 ? 0.0 : (double) e.baselineCount() / e.baselineTotal() * e.total());
    out.put("ratio", e.ratio());
    out.put("score", e.score());
    out.put("pValue", e.pValue());
    out.put("emerging", e.emerging());
    out.put("weeks", judged.weeks(WEEKS));
    List<Map<String, String>> samples = new ArrayList<>();
    for (PaperRef paper : history.samples(judged)) {
      samples.add(Map.of("id", paper.getId(), "title", paper.getTitle()));
    }
    out.put("samples", samples);
    return out;
  }

  /** The trending list from every partition's part: q-values over all tests, fragments dropped. */
  static List<JsonNode> mergeTrending(List<JsonNode> parts, int limit) {
    long tests = 0;
    Map<String, Long> counts = new HashMap<>();
    List<Trending.Tested> candidates = new ArrayList<>();
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode part : parts) {
      tests += part.path("tests").asLong();
      part.path("counts").fields().forEachRemaining(c -> counts.put(c.getKey(), c.getValue().asLong()));
      for (JsonNode c : part.path("candidates")) {
        TrendWindow window = TrendWindow.valueOf(c.path("window").asText());
        Evaluation e = new Evaluation(window, LocalDate.parse(c.path("end").asText()).toEpochDay(),
            c.path("count").asLong(), c.path("total").asLong(), c.path("baselineCount").asLong(),
            c.path("baselineTotal").asLong(), c.path("baselineDays").asInt(), c.path("pValue").asDouble(),
            c.path("ratio").asDouble(), c.path("score").asDouble(), c.path("emerging").asBoolean());
        candidates.add(new Trending.Tested(c.path("keyword").asText(), c.path("label").asText(), e));
        byKey.put(c.path("keyword").asText(), c);
      }
    }
    List<JsonNode> out = new ArrayList<>();
    for (Trending.Listed listed : Trending.rank(candidates, tests, counts, MentionTerms::listable)) {
      if (out.size() == limit) {
        break;
      }
      com.fasterxml.jackson.databind.node.ObjectNode node = byKey.get(listed.tested().key()).deepCopy();
      node.put("qValue", listed.qValue());
      out.add(node);
    }
    return out;
  }

  // ---- alerts ----

  /** The newest alerts of the partitions, at most {@code limit}. */
  Map<String, Object> alertsPart(Set<Integer> partitions, boolean stale, int limit) {
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (int p : partitions) {
      ReadOnlyKeyValueStore<String, SpikeAlert> store = store(StoreNames.RECENT_ALERTS, p, stale);
      try (KeyValueIterator<String, SpikeAlert> all = store.reverseAll()) {
        for (int i = 0; i < limit && all.hasNext(); i++) {
          var kv = all.next();
          alerts.add(alertJson(kv.key, kv.value));
        }
      }
    }
    return Map.of("alerts", alerts);
  }

  private static Map<String, Object> alertJson(String key, SpikeAlert a) {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("key", key);
    alert.put("keyword", a.getKeyword());
    alert.put("label", a.getLabel());
    alert.put("window", a.getWindow());
    alert.put("day", a.getStart().toString());
    alert.put("count", a.getCount());
    alert.put("baseline", a.getBaseline());
    alert.put("score", a.getScore());
    alert.put("pValue", a.getPValue());
    alert.put("watched", a.getWatched());
    alert.put("owner", a.getOwner());
    alert.put("samples", a.getSamples().stream().map(s -> Map.of("id", s.getId(), "title", s.getTitle())).toList());
    return alert;
  }

  /** The newest alerts of every part, newest first. */
  static List<JsonNode> mergeAlerts(List<JsonNode> parts, int limit) {
    List<JsonNode> all = new ArrayList<>();
    parts.forEach(part -> part.path("alerts").forEach(all::add));
    all.sort(Comparator.comparing((JsonNode a) -> a.path("key").asText()).reversed());
    return all.subList(0, Math.min(limit, all.size()));
  }

  // ---- one keyword ----

  /** A keyword's days and its trends on its partition's latest day; null when no paper has it. */
  Map<String, Object> keyword(String key, int partition, boolean stale) {
    KeywordHistory history = history(partition, stale);
    Long latest = history.latestDay();
    if (latest == null) {
      return null;
    }
    List<KeywordHistory.Day> days = history.history(key, latest - TrendWindow.HISTORY_DAYS + 1, latest);
    if (days.isEmpty()) {
      return null;
    }
    Map<Long, Long> totals = history.totals(latest - TrendWindow.HISTORY_DAYS + 1, latest);
    long[] totalsByDay = history.totalsUpTo(latest);
    Long through = this.<String, Long>store(StoreNames.KEYWORD_PROGRESS, partition, stale).get(KeywordTrendsTopology.CLOSED_THROUGH);
    List<Map<String, Object>> series = new ArrayList<>();
    String label = key;
    for (KeywordHistory.Day d : days) {
      KeywordDay value = d.value();
      label = value.getLabel();
      series.add(Map.of(
          "day", LocalDate.ofEpochDay(d.day()).toString(), "count", value.getCount(),
          "total", totals.getOrDefault(d.day(), 0L), "final", through != null && d.day() <= through));
    }
    KeywordHistory.Judged judged = history.judge(key, latest, totalsByDay, true);
    Map<String, Object> windows = new LinkedHashMap<>();
    for (TrendWindow window : TrendWindow.values()) {
      windows.put(window.name(), trendJson(history, judged, window));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("keyword", key);
    out.put("label", label);
    out.put("day", LocalDate.ofEpochDay(latest).toString());
    out.put("final", through != null && latest <= through);
    out.put("series", series);
    out.put("weeks", judged.weeks(WEEKS));
    out.put("windows", windows);
    return out;
  }
}
