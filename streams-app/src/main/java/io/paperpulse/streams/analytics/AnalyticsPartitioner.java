package io.paperpulse.streams.analytics;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Places a {@link Contribution} on the partition it was made for. Terms and subjects are keyed to
 * partitions as Kafka's default partitioner places a string key ({@link #partitionOf}), so
 * interactive queries find a keyword's owner with the plain string serializer.
 */
public final class AnalyticsPartitioner implements StreamPartitioner<String, Contribution> {
  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, Contribution value, int partitions) {
    if (value == null) {
      return Optional.of(Set.of(partitionOf(key, partitions)));
    }
    if (value.target() >= partitions) {
      throw new IllegalStateException(
          "a contribution for partition " + value.target() + " of " + topic + ", which has " + partitions
              + " partitions: the analytics partitions setting does not match the topic");
    }
    return Optional.of(Set.of(value.target()));
  }

  /** The partition of a keyword or subject key among {@code partitions}. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
