package io.paperpulse.common;

import io.paperpulse.common.config.PaperPulseConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a compacted topic to its end, as a table: each key's latest value, removed keys left out. */
public final class TableReader {
  private TableReader() {}

  /** Every key of {@code topic} with its latest value, read from the start to the end it had when called. */
  public static <V> Map<String, V> readAll(PaperPulseConfig config, Topic<String, V> topic, TopicSerdes serdes, Duration timeout)
      throws TimeoutException {
    Map<String, Object> props = new HashMap<>(config.kafka());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, V> table = new LinkedHashMap<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde(serdes).deserializer())) {
      readToEnd(consumer, topic.name(), timeout, (key, value) -> {
        if (value == null) {
          table.remove(key);
        } else {
          table.put(key, value);
        }
      });
    }
    return table;
  }

  /**
   * Reads every record of {@code topic} with {@code consumer}, from the start to the end it had
   * when called, and hands each key and value (null for a removal) to {@code each}.
   */
  public static <V> void readToEnd(Consumer<String, V> consumer, String topic, Duration timeout, BiConsumer<String, V> each)
      throws TimeoutException {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
      }
      for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
        each.accept(r.key(), r.value());
      }
    }
  }
}
