package io.paperpulse.streams.digests;

import io.paperpulse.avro.Subscription;
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
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Subscriptions read from the app's global table (every instance has all of them) and written to
 * the compacted {@code subscriptions} topic. A write shows in reads once the table has consumed it.
 */
public final class KafkaSubscriptions implements SubscriptionStore, AutoCloseable {
  private final KafkaStreams streams;
  private final PaperPulseConfig config;
  private final TopicSerdes serdes;
  private KafkaProducer<String, Subscription> producer;

  public KafkaSubscriptions(KafkaStreams streams, PaperPulseConfig config, TopicSerdes serdes) {
    this.streams = streams;
    this.config = config;
    this.serdes = serdes;
  }

  @Override
  public Subscription get(String email) {
    ValueAndTimestamp<Subscription> found =
        streams
            .store(StoreQueryParameters.fromNameAndType(StoreNames.SUBSCRIPTIONS, QueryableStoreTypes.<String, Subscription>timestampedKeyValueStore()))
            .get(email);
    return found == null ? null : found.value();
  }

  @Override
  public void put(String email, Subscription subscription) {
    try {
      producer().send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), email, subscription)).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new RequestRejected(503, "could not write to " + Topics.SUBSCRIPTIONS.name() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestRejected(503, "interrupted while writing to " + Topics.SUBSCRIPTIONS.name());
    }
  }

  private synchronized KafkaProducer<String, Subscription> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>(config.kafka());
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.CLIENT_ID_CONFIG, "paperpulse-api-subscriptions");
      producer = new KafkaProducer<>(props, new StringSerializer(), serdes.value(Subscription.class).serializer());
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
