package io.paperpulse.streams.alerts;

import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.streams.analytics.PartitionStores;
import io.paperpulse.streams.analytics.StoreNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The alerts' read side: the newest spike alerts of some partitions of the {@code analytics} topic
 * (each instance's part), from their stores. A part is a map of plain values that the HTTP layer
 * merges as JSON with the other instances' parts.
 */
public final class AlertQueries {
  private final PartitionStores stores;

  public AlertQueries(PartitionStores stores) {
    this.stores = stores;
  }

  /** The newest alerts of the partitions, at most {@code limit}. */
  public Map<String, Object> alertsPart(Set<Integer> partitions, boolean stale, int limit) {
    List<Alert> alerts = new ArrayList<>();
    for (int p : partitions) {
      ReadOnlyKeyValueStore<String, SpikeAlert> store = stores.store(StoreNames.RECENT_ALERTS, p, stale);
      try (KeyValueIterator<String, SpikeAlert> all = store.reverseAll()) {
        for (int i = 0; i < limit && all.hasNext(); i++) {
          var kv = all.next();
          alerts.add(Alert.of(kv.key, kv.value));
        }
      }
    }
    return Map.of("alerts", alerts);
  }
}
