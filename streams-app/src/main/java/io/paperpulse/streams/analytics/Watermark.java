package io.paperpulse.streams.analytics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How far event time has got across all partitions of {@code papers}: the newest timestamp of the
 * slowest partition. Kafka Streams' stream time is the newest timestamp of any partition; after a
 * backlog or a restart one partition can run far ahead of the others, and closing days on stream
 * time would then drop the others' papers as late. A partition more than {@link #MAX_SKEW} behind
 * the fastest counts as idle, so one quiet partition cannot hold every day open for longer than
 * that.
 *
 * <p>In a live run every partition gets papers each day, so the watermark is the slowest
 * partition's time and nothing waits for the tolerance. In a backfill the partitions of {@code
 * papers} are enriched by different threads, unevenly loaded, and run apart by weeks or months of
 * event time; the tolerance is set so that a backfill of the archive on one machine loses no paper
 * (docs/trend-quality.md), and the analytics' stores keep days for that long beyond every window.
 *
 * <p>The newest timestamp of each source partition, and the watermark, are kept in a store, so a
 * restart resumes with the same watermark. It never moves back, so a day closes once.
 */
public final class Watermark {
  static final Duration MAX_SKEW = Duration.ofDays(120);

  /** The store key of the watermark itself, beside the partitions' keys (their numbers). */
  private static final String CURRENT = "watermark";

  private final KeyValueStore<String, Long> store;
  private final int partitions;
  private final Map<String, Long> newest = new HashMap<>();
  private long current = Long.MIN_VALUE;

  /**
   * @param partitions how many source partitions there are: until each has been seen, only the
   *     {@link #MAX_SKEW} rule moves the watermark
   */
  public Watermark(KeyValueStore<String, Long> store, int partitions) {
    this.store = store;
    this.partitions = partitions;
    try (KeyValueIterator<String, Long> all = store.all()) {
      all.forEachRemaining(kv -> {
        if (kv.key.equals(CURRENT)) {
          current = kv.value;
        } else {
          newest.put(kv.key, kv.value);
        }
      });
    }
  }

  /** Takes a record of {@code partition} at {@code timestamp} into account; the watermark after it. */
  public long advance(String partition, long timestamp) {
    String key = partition == null ? "" : partition;
    Long previous = newest.get(key);
    if (previous == null || timestamp > previous) {
      newest.put(key, timestamp);
      store.put(key, timestamp);
      long next = compute();
      if (next > current) { // never backwards: a day closes once
        current = next;
        store.put(CURRENT, current);
      }
    }
    return current;
  }

  long current() {
    return current;
  }

  /**
   * Whether a paper of {@code partition} for the day ending at {@code dayEnd} (plus grace) is late:
   * its own partition had already passed that time, or the watermark had. The first test depends
   * only on that partition's own order, which every analytics partition sees alike, so a paper is
   * late everywhere or nowhere; the second adds only what the idle rule closed early.
   */
  public boolean late(String partition, long dayEndPlusGrace) {
    Long own = newest.get(partition == null ? "" : partition);
    return (own != null && own >= dayEndPlusGrace) || current >= dayEndPlusGrace;
  }

  private long compute() {
    if (newest.isEmpty()) {
      return Long.MIN_VALUE;
    }
    long slowest = newest.size() < partitions ? Long.MIN_VALUE : Long.MAX_VALUE;
    long fastest = Long.MIN_VALUE;
    for (long t : newest.values()) {
      slowest = Math.min(slowest, t);
      fastest = Math.max(fastest, t);
    }
    return Math.max(slowest, fastest - MAX_SKEW.toMillis());
  }
}
