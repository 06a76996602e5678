package io.paperpulse.streams.api;

import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.streams.analytics.PartitionStores;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The stores of a running app's partitions (interactive queries). */
final class StreamsStores implements PartitionStores {
  private final KafkaStreams streams;

  StreamsStores(KafkaStreams streams) {
    this.streams = streams;
  }

  @Override
  public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale) {
    if (!hosted(stale).contains(partition)) {
      // Asked for a partition this instance does not hold (the group is moving it): no answer
      // rather than an empty one.
      throw new InvalidStateStoreException("partition " + partition + " of the analytics is not on this instance");
    }
    StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> query =
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()).withPartition(partition);
    return streams.store(stale ? query.enableStaleStores() : query);
  }

  @Override
  public TreeSet<Integer> hosted(boolean standbys) {
    TreeSet<Integer> out = new TreeSet<>();
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      List<TaskMetadata> tasks = new ArrayList<>(thread.activeTasks());
      if (standbys) {
        tasks.addAll(thread.standbyTasks());
      }
      for (TaskMetadata task : tasks) {
        for (TopicPartition tp : task.topicPartitions()) {
          if (tp.topic().endsWith(PaperPulseTopology.ANALYTICS_TOPIC_SUFFIX)) {
            out.add(tp.partition());
          }
        }
      }
    }
    return out;
  }
}
