package io.paperpulse.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records a consumer group (a Kafka Streams application id) has still to read from some
 * topics: read-committed end offsets minus the group's committed offsets, summed over every
 * partition. A topic that does not exist yet counts as unknown, so "caught up" is never claimed
 * before the application has created it.
 */
public final class GroupLag {
  /** Returned when the lag cannot be known yet: a topic is missing or the broker did not answer. */
  public static final long UNKNOWN = Long.MAX_VALUE;

  private GroupLag() {}

  public static long of(Admin admin, String groupId, List<String> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      if (!existing.containsAll(topics)) {
        return UNKNOWN;
      }
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin.describeTopics(topics).allTopicNames().get().values().forEach(d ->
          d.partitions().forEach(p -> ends.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, ListOffsetsResultInfo> endOffsets =
          admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : endOffsets.entrySet()) {
        OffsetAndMetadata at = committed.get(e.getKey());
        lag += Math.max(0, e.getValue().offset() - (at == null ? 0 : at.offset()));
      }
      return lag;
    } catch (java.util.concurrent.ExecutionException e) {
      return UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNKNOWN;
    }
  }

  /** An admin client for polling lag: short timeouts, so a broker that is down does not stall the poll. */
  public static Admin admin(Map<String, Object> clientConfig) {
    Map<String, Object> props = new HashMap<>(clientConfig);
    props.put("request.timeout.ms", 5_000);
    props.put("default.api.timeout.ms", 10_000);
    return Admin.create(props);
  }
}
