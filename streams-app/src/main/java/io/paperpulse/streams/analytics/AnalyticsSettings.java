package io.paperpulse.streams.analytics;

import io.paperpulse.streams.alerts.SpikeRule;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The knobs of the analytics, with the defaults PaperPulse ships.
 *
 * @param grace how long after a day's end late papers still count
 * @param topK how many trending keywords the metrics show
 * @param globalRule the stricter rule under which unwatched keywords alert
 * @param inMemoryState keep the analytics' state in memory instead of RocksDB (tests; small runs)
 * @param sourcePartitions partitions of {@code papers}: the event-time watermark waits for each
 * @param idfPartitions score keywords with an idf that also counts the recent papers ({@link
 *     io.paperpulse.streams.keywords.RecentFrequencies}) of the same partition of {@code papers},
 *     as Kafka's default partitioner places a paper id among this many; so a run on the test
 *     driver, with one partition, can score as a run on three does. 0: the background's idf
 *     alone, as {@code paperpulse keywords} does (the benchmarks compare the two)
 * @param analyticsPartitions partitions of the {@code analytics} topic; 0: as many as {@code papers}
 */
public record AnalyticsSettings(
    Duration grace,
    int topK,
    SpikeRule globalRule,
    boolean inMemoryState,
    int sourcePartitions,
    int idfPartitions,
    int analyticsPartitions) {
  public static AnalyticsSettings defaults() {
    return new AnalyticsSettings(Duration.ofDays(1), 50, SpikeRule.GLOBAL, false, 1, 1, 0);
  }

  public AnalyticsSettings withInMemoryState(boolean inMemory) {
    return new AnalyticsSettings(grace, topK, globalRule, inMemory, sourcePartitions, idfPartitions, analyticsPartitions);
  }

  public AnalyticsSettings withSourcePartitions(int partitions) {
    return new AnalyticsSettings(grace, topK, globalRule, inMemoryState, partitions, idfPartitions, analyticsPartitions);
  }

  public AnalyticsSettings withIdfPartitions(int partitions) {
    return new AnalyticsSettings(grace, topK, globalRule, inMemoryState, sourcePartitions, partitions, analyticsPartitions);
  }

  public AnalyticsSettings withAnalyticsPartitions(int partitions) {
    return new AnalyticsSettings(grace, topK, globalRule, inMemoryState, sourcePartitions, idfPartitions, partitions);
  }

  /** A key-value store of the analytics, in memory or in RocksDB as these settings say. */
  public <K, V> StoreBuilder<KeyValueStore<K, V>> store(String name, Serde<K> keys, Serde<V> values) {
    return Stores.keyValueStoreBuilder(
        inMemoryState
            ? Stores.inMemoryKeyValueStore(name)
            : Stores.persistentKeyValueStore(name),
        keys,
        values);
  }

  /**
   * A store whose keys are written many times a commit (a day's papers, a day's subjects): with a
   * write cache, so each key reaches RocksDB and its changelog once a commit, not once a paper.
   */
  public <K, V> StoreBuilder<KeyValueStore<K, V>> cachedStore(String name, Serde<K> keys, Serde<V> values) {
    return store(name, keys, values).withCachingEnabled();
  }

  /** Partitions of the {@code analytics} topic: as set, else as many as {@code papers} has. */
  public int effectiveAnalyticsPartitions() {
    return analyticsPartitions > 0 ? analyticsPartitions : sourcePartitions;
  }

  /** Whether a day ending at {@code dayEndMillis} has closed at watermark {@code watermark}. */
  boolean closed(long day, long watermark) {
    return Days.startMillis(day + 1) + grace.toMillis() <= watermark;
  }
}
