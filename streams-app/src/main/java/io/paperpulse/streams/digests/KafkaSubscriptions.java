package io.paperpulse.streams.digests;

import io.paperpulse.avro.Subscription;
import io.paperpulse.common.TableWriter;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.common.TopicSerdes;
import java.time.Duration;
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
  private final TableWriter<Subscription> writer;

  public KafkaSubscriptions(KafkaStreams streams, PaperPulseConfig config, TopicSerdes serdes) {
    this.streams = streams;
    this.writer = new TableWriter<>(config, Topics.SUBSCRIPTIONS, serdes, "paperpulse-api-subscriptions");
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
      writer.putVisible(email, subscription, this::get, Duration.ofSeconds(5));
    } catch (TableWriter.WriteFailed e) {
      throw new RequestRejected(503, e.getMessage());
    }
  }

  @Override
  public void close() {
    writer.close();
  }
}
