package io.paperpulse.streams.api;

import io.paperpulse.avro.Watch;
import io.paperpulse.common.TableWriter;
import io.paperpulse.common.Topics;
import io.paperpulse.common.config.PaperPulseConfig;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.common.TopicSerdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The watchlist: read from the app's global watchlist store, written to the compacted watchlist
 * topic (a null value removes a watch).
 */
final class KafkaWatches implements Watches, AutoCloseable {
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
      writer.put(key, watch);
    } catch (TableWriter.WriteFailed e) {
      throw ApiException.unavailable(e.getMessage());
    }
  }

  @Override
  public void close() {
    writer.close();
  }
}
