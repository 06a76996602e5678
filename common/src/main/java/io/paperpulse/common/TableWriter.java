package io.paperpulse.common;

import io.paperpulse.common.config.PaperPulseConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes keys of a compacted topic one at a time and waits for each to be acknowledged (a null
 * value removes the key): what an API does when a user sets or removes a watch or a subscription.
 * The producer, idempotent with {@code acks=all}, is made on the first write.
 *
 * @param <V> the topic's values
 */
public final class TableWriter<V> implements AutoCloseable {
  /** How long a write waits for the broker. */
  static final Duration WAIT = Duration.ofSeconds(10);

  /** A write the broker did not acknowledge in time, or refused; the message says which topic. */
  public static final class WriteFailed extends RuntimeException {
    WriteFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final PaperPulseConfig config;
  private final Topic<String, V> topic;
  private final TopicSerdes serdes;
  private final String clientId;
  private KafkaProducer<String, V> producer;

  public TableWriter(PaperPulseConfig config, Topic<String, V> topic, TopicSerdes serdes, String clientId) {
    this.config = config;
    this.topic = topic;
    this.serdes = serdes;
    this.clientId = clientId;
  }

  /** Writes {@code value} under {@code key}, or removes the key when {@code value} is null. */
  public void put(String key, V value) {
    try {
      producer().send(new ProducerRecord<>(topic.name(), key, value)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new WriteFailed("could not write to " + topic.name() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteFailed("interrupted while writing to " + topic.name(), e);
    }
  }

  /**
   * As {@link #put}, then waits up to {@code within} until {@code read} (a store the app fills
   * from this topic) gives {@code value} back for {@code key}, so that the request a user makes
   * next sees the write. Returns whether it did in time; the write stands either way.
   */
  public boolean putVisible(String key, V value, Function<String, V> read, Duration within) {
    put(key, value);
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        if (Objects.equals(read.apply(key), value)) {
          return true;
        }
      } catch (RuntimeException e) {
        // The store is not queryable right now (a rebalance): ask again.
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private synchronized KafkaProducer<String, V> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>(config.kafka());
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
      producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde(serdes).serializer());
    }
    return producer;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
