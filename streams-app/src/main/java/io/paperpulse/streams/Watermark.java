package io.paperpulse.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How far event time has got across all partitions of {@code papers}: the newest timestamp of the
 * slowest partition. Kafka Streams' stream time is the newest timestamp of any partition; after a
 * backlog or a restart one partition can run days ahead of the others on the single analytics
 * partition, and closing days on stream time would then drop the others' papers as late. A
 * partition more than {@link #MAX_SKEW} behind the fastest counts as idle, so one quiet partition
 * cannot hold every day open for longer than that.
 *
 * <p>How far apart partitions get: a backfill of the archive on one stream thread was measured
 * with partitions up to about two weeks of event time apart (each task buffers up to 1,000
 * records), and 7 days of tolerance let papers through late. 30 days, the span of the longest
 * topic-count window, covers that; in a live run every partition gets papers each day, so the
 * watermark is the slowest partition's time and nothing waits for the tolerance.
 *
 * <p>The analytics stream is keyed by the source partition; the newest timestamp of each, and the
 * watermark, are kept in a store, so a restart resumes with the same watermark. It never moves
 * back, so a day closes once.
 */
final class Watermark {
  static final Duration MAX_SKEW = Duration.ofDays(30);

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
  Watermark(KeyValueStore<String, Long> store, int partitions) {
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
  long advance(String partition, long timestamp) {
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
