package io.paperpulse.producer.publish;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.paperpulse.avro.Paper;
import io.paperpulse.common.SchemaBoundDatumProvider;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.common.util.Causes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes papers to a topic: key = paper id, value = Avro in the Confluent wire format (magic
 * byte 0, 4-byte schema id, Avro binary), record timestamp = the paper's event time.
 *
 * <p>The producer is idempotent with {@code acks=all}, so retries neither lose nor duplicate
 * records. A paper whose id was already sent in this run is counted as a duplicate and not sent
 * again. Every failed delivery is kept with its input location and reported.
 */
public final class PaperPublisher implements AutoCloseable {
  /** One paper the broker did not take. */
  public record Failure(String location, String id, String reason) {
    @Override
    public String toString() {
      return location + ": paper " + id + " not published: " + reason;
    }
  }

  private static final int MAX_KEPT_FAILURES = 1_000;

  private final Producer<String, Paper> producer;
  private final String topic;
  private final Set<String> sent = new HashSet<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failedCount = new AtomicLong();
  private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
  private long duplicates;

  public PaperPublisher(Producer<String, Paper> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** A publisher with its own Kafka producer, configured from {@code config}. */
  public static PaperPublisher create(PaperPulseConfig config, String topic, String clientId) {
    return new PaperPublisher(new KafkaProducer<>(producerProperties(config, clientId)), topic);
  }

  /** Producer settings: the config's Kafka properties, then the ones PaperPulse relies on. */
  public static Map<String, Object> producerProperties(PaperPulseConfig config, String clientId) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // gzip is the one codec every Kafka client decodes without plugins (kafkajs has no lz4,
    // snappy or zstd of its own); KAFKA_COMPRESSION_TYPE overrides it.
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
    props.putAll(config.kafka());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class.getName());
    props.put("apicurio.registry.url", config.registryApiUrl());
    props.put("apicurio.registry.auto-register", true);
    // Register one self-contained schema per registry subject. Without this Apicurio registers every nested
    // record and enum as a subject of its own and references them, which clients without
    // schema-reference support cannot read.
    props.put("apicurio.registry.dereference-schema", true);
    props.put(SchemaBoundDatumProvider.CONFIG, SchemaBoundDatumProvider.class.getName());
    return props;
  }

  /**
   * Sends a paper unless its id was already sent in this run.
   *
   * @param location where the paper came from, named in a failure report
   * @return false when the paper was a duplicate and not sent
   */
  public boolean send(Paper paper, String location) {
    String id = paper.getId();
    if (!sent.add(id)) {
      duplicates++;
      return false;
    }
    ProducerRecord<String, Paper> record =
        new ProducerRecord<>(topic, null, paper.getPublished().toEpochMilli(), id, paper);
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              acknowledged.incrementAndGet();
            } else {
              fail(location, id, error);
            }
          });
    } catch (RuntimeException e) {
      // Serialization and registry errors are thrown here, not given to the callback.
      fail(location, id, e);
    }
    return true;
  }

  private void fail(String location, String id, Throwable error) {
    failedCount.incrementAndGet();
    if (failures.size() < MAX_KEPT_FAILURES) {
      failures.add(new Failure(location, id, Causes.describe(error)));
    }
  }

  /** Waits until every paper sent so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  public long acknowledged() {
    return acknowledged.get();
  }

  public long failed() {
    return failedCount.get();
  }

  public long duplicates() {
    return duplicates;
  }

  /** The failures so far (at most the first thousand; {@link #failed()} counts them all). */
  public List<Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
