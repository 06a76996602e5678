package io.paperpulse.streams.api;

import io.paperpulse.avro.Watch;
import io.paperpulse.common.TableWriter;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.common.TopicSerdes;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The watchlist: read from the app's global watchlist store, written to the compacted watchlist
 * topic (a null value removes a watch); a write returns once the store holds it.
 */
final class KafkaWatches implements Watches, AutoCloseable {
  /** How long a write waits for the app's store to hold it, so that a GET right after sees it. */
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);

  private final KafkaStreams streams;
  private final TableWriter<Watch> writer;

  KafkaWatches(KafkaStreams streams, PaperPulseConfig config, TopicSerdes serdes) {
    this.streams = streams;
    this.writer = new TableWriter<>(config, Topics.WATCHLIST, serdes, "paperpulse-api-watches");
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
      writer.putVisible(key, watch, this::get, VISIBLE_WITHIN);
    } catch (TableWriter.WriteFailed e) {
      throw ApiException.unavailable(e.getMessage());
    }
  }

  @Override
  public void close() {
    writer.close();
  }
}
