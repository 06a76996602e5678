package io.paperpulse.streams.analytics;

import java.util.TreeSet;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The analytics' stores of each partition of the {@code analytics} topic that this instance holds. */
public interface PartitionStores {
  /**
   * One partition's store; with {@code stale}, a standby copy when that is all this instance has.
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException when this instance does
   *     not hold the partition, or its store is not ready
   */
  <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale);

  /** The partitions whose active tasks run here, and (if {@code standbys}) those it holds a standby copy of. */
  TreeSet<Integer> hosted(boolean standbys);
}
