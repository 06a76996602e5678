package io.paperpulse.streams.analytics;

import io.paperpulse.common.Topic;
import io.paperpulse.common.TopicSerdes;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** Kafka Streams' sources and sinks of a {@link Topic}, with the topic's own serdes. */
public final class TopicStreams {
  private TopicStreams() {}

  /** How to read {@code topic}, as the processor node {@code name}. */
  public static <K, V> Consumed<K, V> consumed(Topic<K, V> topic, TopicSerdes serdes, String name) {
    return Consumed.with(topic.keySerde(), topic.valueSerde(serdes)).withName(name);
  }

  /** How to write {@code topic}, as the processor node {@code name}. */
  public static <K, V> Produced<K, V> produced(Topic<K, V> topic, TopicSerdes serdes, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde(serdes)).withName(name);
  }
}
