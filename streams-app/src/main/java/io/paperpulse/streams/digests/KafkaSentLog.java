package io.paperpulse.streams.digests;

import io.paperpulse.common.TableReader;
import io.paperpulse.common.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The sent log on the compacted topic {@code digests.sent}: key {@code email|day}, value the ISO
 * instant it was sent. Read whole when the mailer starts, then written through.
 */
public final class KafkaSentLog implements SentLog {
  private final Producer<String, String> producer;
  private final Map<String, Instant> sent = new ConcurrentHashMap<>();

  private KafkaSentLog(Producer<String, String> producer) {
    this.producer = producer;
  }

  /** Reads {@code digests.sent} to its end with {@code reader} (closed after), then writes with {@code producer}. */
  public static KafkaSentLog load(Consumer<String, String> reader, Producer<String, String> producer, Duration timeout) {
    KafkaSentLog log = new KafkaSentLog(producer);
    try (reader) {
      TableReader.readToEnd(reader, Topics.DIGESTS_SENT.name(), timeout, (key, value) -> {
        if (value == null) {
          log.sent.remove(key);
        } else {
          log.sent.put(key, Instant.parse(value));
        }
      });
    } catch (TimeoutException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return log;
  }

  @Override
  public boolean contains(String key) {
    return sent.containsKey(key);
  }

  @Override
  public Instant recorded(String key) {
    return sent.get(key);
  }

  @Override
  public void record(String key, Instant when) throws Exception {
    producer.send(new ProducerRecord<>(Topics.DIGESTS_SENT.name(), key, when.toString())).get(30, TimeUnit.SECONDS);
    sent.put(key, when);
  }
}
