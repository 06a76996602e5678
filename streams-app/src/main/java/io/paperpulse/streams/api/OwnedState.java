package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.AppMetrics;
import io.paperpulse.streams.analytics.AnalyticsPartitioner;
import io.paperpulse.streams.analytics.PartitionStores;
import io.paperpulse.streams.keywordtrends.Keyword;
import io.paperpulse.streams.keywordtrends.KeywordQueries;
import io.paperpulse.streams.subjectcounts.SubjectCountQueries;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * What the gauges show, read from the partitions whose active tasks run on this instance, so that
 * no series is exported by two instances; empty while it owns none or its stores are not ready.
 */
final class OwnedState implements AppMetrics.StateView {
  /** Trending keywords exported as gauges, per window and instance. */
  static final int METRICS_TOP_K = 50;

  private final int partitions;
  private final PartitionStores stores;
  private final SubjectCountQueries subjectCounts;
  private final KeywordQueries keywords;
  private final KafkaWatches watches;
  private final ObjectMapper json = new ObjectMapper();

  OwnedState(int partitions, PartitionStores stores, SubjectCountQueries subjectCounts, KeywordQueries keywords,
      KafkaWatches watches) {
    this.partitions = partitions;
    this.stores = stores;
    this.subjectCounts = subjectCounts;
    this.keywords = keywords;
    this.watches = watches;
  }

  @Override
  public Map<Long, TopicDayCounts> subjectDays() {
    try {
      return PartMerges.mergeSubjectDays(List.of(json.valueToTree(subjectCounts.subjectDaysPart(stores.hosted(false), false))));
    } catch (InvalidStateStoreException e) {
      return Map.of();
    }
  }

  /**
   * The trending keywords of each window ending with the owned partitions' default day (the latest
   * day, or the first open one while the app catches up: {@link KeywordQueries#defaultDay}), and
   * their watched keywords.
   */
  @Override
  public List<KeywordTrend> keywordTrends() {
    try {
      TreeSet<Integer> owned = stores.hosted(false);
      Map<String, Object> days = owned.isEmpty() ? Map.of() : keywords.daysPart(owned, false);
      Long day = KeywordQueries.defaultDay((Long) days.get("latestDay"), (Long) days.get("closedThrough"));
      if (day == null) {
        return List.of();
      }
      List<KeywordTrend> trends = new ArrayList<>();
      for (TrendWindow window : TrendWindow.values()) {
        JsonNode part = json.valueToTree(keywords.trendingPart(owned, false, day, window));
        for (JsonNode t : PartMerges.mergeTrending(List.of(part), METRICS_TOP_K)) {
          trends.add(PartMerges.keywordTrendOf(t));
        }
      }
      trends.addAll(watchedTrends(owned));
      return trends;
    } catch (InvalidStateStoreException e) {
      return List.of();
    }
  }

  private List<KeywordTrend> watchedTrends(TreeSet<Integer> owned) {
    List<KeywordTrend> trends = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<Watch>> all = watches.store().all()) {
      while (all.hasNext()) {
        String keyword = all.next().key;
        int partition = AnalyticsPartitioner.partitionOf(keyword, partitions);
        Keyword detail = owned.contains(partition) ? keywords.keyword(keyword, partition, false) : null;
        if (detail != null) {
          for (TrendWindow window : TrendWindow.values()) {
            trends.add(PartMerges.keywordTrendOf(json.valueToTree(detail.windows().get(window.name()))));
          }
        }
      }
    }
    return trends;
  }
}
