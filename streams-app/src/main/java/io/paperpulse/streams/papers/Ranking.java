package io.paperpulse.streams.papers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The order of a ranking, and the store keys of the ranking's state. */
final class Ranking {
  /** Papers in a window's ranking at most, and sent by each partition to the merge step. */
  static final int TOP_K = 100;
  /** The size a message of a partition's best papers stays under, well below a record's 1 MB default. */
  static final int MAX_MESSAGE_BYTES = 256 * 1024;

  /** Best first: by score, then the newer day, then the paper id, so ties break the same everywhere. */
  static final Comparator<RankMessage> ORDER =
      Comparator.comparingDouble(RankMessage::score).reversed()
          .thenComparing(Comparator.comparingLong((RankMessage m) -> m.paper().day()).reversed())
          .thenComparing(m -> m.paper().paperId());

  private Ranking() {}

  /** The {@link #TOP_K} best entries, best first. */
  static List<RankMessage> top(List<RankMessage> entries) {
    List<RankMessage> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    return List.copyOf(sorted.subList(0, Math.min(TOP_K, sorted.size())));
  }

  /** The entries of {@code store} whose keys start with {@code prefix}, in key order. */
  static <V> List<KeyValue<String, V>> withPrefix(KeyValueStore<String, V> store, String prefix) {
    List<KeyValue<String, V>> out = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.prefixScan(prefix, new StringSerializer())) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  /** Deletes the entries of {@code store} from {@code from} up to {@code to}, both inclusive. */
  static void deleteRange(KeyValueStore<String, ?> store, String from, String to) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, ?> it = store.range(from, to)) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(key -> store.put(key, null)); // a delete that does not read the old value back
  }

  /** A day as a key prefix that sorts by day: {@code 00020180|}. */
  static String day(long day) {
    return String.format(Locale.ROOT, "%08d|", day);
  }

  /** The key of a partition's report on a day: {@code 00020180|0002}. */
  static String marker(long day, int partition) {
    return String.format(Locale.ROOT, "%08d|%04d", day, partition);
  }
}
