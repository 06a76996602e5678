package io.paperpulse.streams.subjectcounts;

import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.analytics.PartitionStores;
import io.paperpulse.streams.analytics.StoreNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The subject counts' read side: the daily subject counts of some partitions of the {@code
 * analytics} topic (each instance's part), from their stores. A part is a map of plain values that
 * the HTTP layer merges as JSON with the other instances' parts.
 */
public final class SubjectCountQueries {
  private final PartitionStores stores;

  public SubjectCountQueries(PartitionStores stores) {
    this.stores = stores;
  }

  /**
   * The daily counts of the partitions' subjects, with every day's papers. A day that some of the
   * partitions have not counted yet (a copy still restoring or behind) has a total of 0, so a
   * merged answer never looks complete while a part of it is missing.
   */
  public Map<String, Object> subjectDaysPart(Set<Integer> partitions, boolean stale) {
    Map<String, Object> days = new TreeMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int p : partitions) {
      ReadOnlyKeyValueStore<Long, TopicDayCounts> store = stores.store(StoreNames.SUBJECT_DAYS, p, stale);
      try (KeyValueIterator<Long, TopicDayCounts> all = store.all()) {
        all.forEachRemaining(kv -> {
          days.merge(String.valueOf(kv.key), dayJson(kv.value), SubjectCountQueries::mergeDayJson);
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
}
