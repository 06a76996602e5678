package io.paperpulse.streams.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.TopicDayCounts;
import io.paperpulse.streams.analytics.AnalyticsPartitioner;
import io.paperpulse.streams.AppMetrics;
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
  private final AnalyticsQueries queries;
  private final KafkaWatches watches;
  private final ObjectMapper json = new ObjectMapper();

  OwnedState(int partitions, AnalyticsQueries queries, KafkaWatches watches) {
    this.partitions = partitions;
    this.queries = queries;
    this.watches = watches;
  }

  @Override
  public Map<Long, TopicDayCounts> topicDays() {
    try {
      return PartMerges.mergeTopicDays(List.of(json.valueToTree(queries.topicDaysPart(queries.hostedPartitions(false), false))));
    } catch (InvalidStateStoreException e) {
      return Map.of();
    }
  }

  /** The trending keywords of each window ending with the latest day of the owned partitions, and their watched keywords. */
  @Override
  public List<KeywordTrend> keywordTrends() {
    try {
      TreeSet<Integer> owned = queries.hostedPartitions(false);
      Object latest = owned.isEmpty() ? null : queries.daysPart(owned, false).get("latestDay");
      if (latest == null) {
        return List.of();
      }
      List<KeywordTrend> trends = new ArrayList<>();
      for (TrendWindow window : TrendWindow.values()) {
        JsonNode part = json.valueToTree(queries.trendingPart(owned, false, ((Number) latest).longValue(), window));
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
        Answers.Keyword detail = owned.contains(partition) ? queries.keyword(keyword, partition, false) : null;
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
