package io.paperpulse.streams;

import java.time.Duration;

/**
 * The knobs of the analytics, with the defaults PaperPulse ships.
 *
 * @param grace how long after a window's end late papers still count
 * @param keywordsPerPaper how many of a paper's keywords feed the trends
 * @param minTrendCount a keyword's daily count must reach this before it is a trend
 * @param ewmaAlpha weight of the newest day in the EWMA baseline (0.1: about ten days of memory)
 * @param topK how many trending keywords each day keeps
 * @param globalRule the stricter rule under which unwatched keywords alert
 * @param inMemoryState keep the analytics' state in memory instead of RocksDB (tests; small runs)
 * @param sourcePartitions partitions of {@code papers}: the event-time watermark waits for each
 * @param idfPartitions score keywords with an idf that also counts the recent papers ({@link
 *     io.paperpulse.streams.keywords.RecentFrequencies}) of the same partition of {@code papers},
 *     as Kafka's default partitioner places a paper id among this many; so a run on the test
 *     driver, with one partition, can score as a run on three does. 0: the background's idf
 *     alone, as {@code paperpulse keywords} does (the benchmarks compare the two)
 */
public record AnalyticsSettings(
    Duration grace,
    int keywordsPerPaper,
    int minTrendCount,
    double ewmaAlpha,
    int topK,
    SpikeRule globalRule,
    boolean inMemoryState,
    int sourcePartitions,
    int idfPartitions) {
  public static AnalyticsSettings defaults() {
    return new AnalyticsSettings(Duration.ofDays(1), 10, 2, 0.1, 50, SpikeRule.GLOBAL, false, 1, 1);
  }

  public AnalyticsSettings withInMemoryState(boolean inMemory) {
    return new AnalyticsSettings(grace, keywordsPerPaper, minTrendCount, ewmaAlpha, topK, globalRule, inMemory, sourcePartitions, idfPartitions);
  }

  public AnalyticsSettings withSourcePartitions(int partitions) {
    return new AnalyticsSettings(grace, keywordsPerPaper, minTrendCount, ewmaAlpha, topK, globalRule, inMemoryState, partitions, idfPartitions);
  }

  public AnalyticsSettings withIdfPartitions(int partitions) {
    return new AnalyticsSettings(grace, keywordsPerPaper, minTrendCount, ewmaAlpha, topK, globalRule, inMemoryState, sourcePartitions, partitions);
  }

  /** A key-value store of the analytics, in memory or in RocksDB as these settings say. */
  public <K, V> org.apache.kafka.streams.state.StoreBuilder<org.apache.kafka.streams.state.KeyValueStore<K, V>> store(
      String name, org.apache.kafka.common.serialization.Serde<K> keys, org.apache.kafka.common.serialization.Serde<V> values) {
    return org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
        inMemoryState
            ? org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(name)
            : org.apache.kafka.streams.state.Stores.persistentKeyValueStore(name),
        keys,
        values);
  }
}
