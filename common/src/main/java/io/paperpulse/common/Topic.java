package io.paperpulse.common;

import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka topic PaperPulse reads or writes: its name, the serde of its keys and the serde of its
 * values, which depends on whether values go through the schema registry ({@link
 * TopicSerdes#registry}) or are plain Avro ({@link TopicSerdes#plain}, for tests).
 *
 * @param <K> the type of the topic's keys
 * @param <V> the type of the topic's values
 */
public final class Topic<K, V> {
  private final String name;
  private final Serde<K> keySerde;
  private final Function<TopicSerdes, Serde<V>> valueSerde;
  private final boolean compacted;

  private Topic(String name, Serde<K> keySerde, Function<TopicSerdes, Serde<V>> valueSerde, boolean compacted) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a topic needs a name, not '" + name + "'");
    }
    this.name = name;
    this.keySerde = Objects.requireNonNull(keySerde, "keySerde");
    this.valueSerde = Objects.requireNonNull(valueSerde, "valueSerde");
    this.compacted = compacted;
  }

  /** A topic keyed by string with Avro values of {@code type}. */
  public static <V extends SpecificRecord> Topic<String, V> avro(String name, Class<V> type) {
    Objects.requireNonNull(type, "type");
    return new Topic<>(name, Serdes.String(), serdes -> serdes.value(type), false);
  }

  /** A topic keyed by string whose values are bytes passed on unread, such as a dead-letter topic. */
  public static Topic<String, byte[]> bytes(String name) {
    return new Topic<>(name, Serdes.String(), serdes -> Serdes.ByteArray(), false);
  }

  /** A topic keyed by string whose values are plain strings (UTF-8), such as a log of what was done. */
  public static Topic<String, String> text(String name) {
    return new Topic<>(name, Serdes.String(), serdes -> Serdes.String(), false);
  }

  /** The same topic, created with {@code cleanup.policy=compact}: a table, of which Kafka keeps each key's latest value. */
  public Topic<K, V> compacted() {
    return new Topic<>(name, keySerde, valueSerde, true);
  }

  public String name() {
    return name;
  }

  public Serde<K> keySerde() {
    return keySerde;
  }

  /** The serde of the values, from {@code serdes}: registry-backed in production, plain in tests. */
  public Serde<V> valueSerde(TopicSerdes serdes) {
    return valueSerde.apply(serdes);
  }

  /** Whether the topic is created with {@code cleanup.policy=compact}. */
  public boolean isCompacted() {
    return compacted;
  }

  @Override
  public String toString() {
    return name;
  }
}
