package io.paperpulse.bench;

import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.stack.GroupLag;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the pipeline benchmarks read from the broker: a topic's end, its records, an app's input. */
final class TopicReads {
  private TopicReads() {}

  /** The end offsets of {@code topic}, summed over its partitions. */
  static long endOffsets(PaperPulseConfig config, String topic) throws Exception {
    try (Admin admin = GroupLag.admin(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(ends).all().get().values().stream().mapToLong(i -> i.offset()).sum();
    }
  }

  /** Every committed record of {@code topic}, from the beginning to the current end. */
  static <V> void read(PaperPulseConfig config, String topic, Deserializer<V> values, Consumer<ConsumerRecord<String, V>> sink) throws Exception {
    long end = endOffsets(config, topic);
    Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (partitions.stream().mapToLong(consumer::position).sum() < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
          sink.accept(r);
        }
      }
    }
  }

  /**
   * The topics a consumer group reads now (a Kafka Streams app: {@code papers} and its repartition
   * topics), from its members' assignments; empty while it rebalances.
   */
  static List<String> inputsOf(Admin admin, String groupId) throws ExecutionException, InterruptedException {
    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get();
    return group.members().stream()
        .flatMap(m -> m.assignment().topicPartitions().stream())
        .map(TopicPartition::topic)
        .distinct()
        .sorted()
        .toList();
  }

  /** The group's lag on the topics it reads, or {@link GroupLag#UNKNOWN} while it does not read {@code papers}. */
  static long lag(Admin admin, String groupId, String papers) throws ExecutionException, InterruptedException {
    List<String> topics = inputsOf(admin, groupId);
    return topics.contains(papers) ? GroupLag.of(admin, groupId, topics) : GroupLag.UNKNOWN;
  }
}
