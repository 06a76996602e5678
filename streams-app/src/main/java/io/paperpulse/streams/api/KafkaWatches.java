package io.paperpulse.streams.api;

import io.paperpulse.avro.Watch;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.streams.StoreNames;
import io.paperpulse.common.TopicSerdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The watchlist: read from the app's global watchlist store, written to the compacted watchlist
 * topic (a null value removes a watch) by a producer made on the first write.
 */
final class KafkaWatches implements Watches, AutoCloseable {
  private final KafkaStreams streams;
  private final PaperPulseConfig config;
  private final TopicSerdes serdes;
  private KafkaProducer<String, Watch> producer;

  KafkaWatches(KafkaStreams streams, PaperPulseConfig config, TopicSerdes serdes) {
    this.streams = streams;
    this.config = config;
    this.serdes = serdes;
  }

  /** The store of every watch, by normalised keyword. */
  ReadOnlyKeyValueStore<String, ValueAndTimestamp<Watch>> store() {
    return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.WATCHLIST, QueryableStoreTypes.timestampedKeyValueStore()));
  }

  @Override
  public Watch get(String key) {
    ValueAndTimestamp<Watch> watch = store().get(key);
    return watch == null ? null : watch.value();
  }

  @Override
  public void write(String key, Watch watch) {
    try {
      producer().send(new ProducerRecord<>(Topics.WATCHLIST.name(), key, watch)).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw ApiException.unavailable("could not write the watch to " + Topics.WATCHLIST.name() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while writing the watch to " + Topics.WATCHLIST.name());
    }
  }

  private synchronized KafkaProducer<String, Watch> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>(config.kafka());
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.CLIENT_ID_CONFIG, "paperpulse-api-watches");
      producer = new KafkaProducer<>(props, new StringSerializer(), serdes.value(Watch.class).serializer());
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
