package io.paperpulse.streams.digests;

import io.paperpulse.avro.Digest;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Subscription;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.common.TopicSerdes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The daily digests: when the whole P1D ranking of a day has arrived on {@code trends.papers} (ranks
 * 1..rankingSize), one {@link Digest} per subscriber on {@code digests}, keyed {@code email|day}.
 * Subscriptions are a global table, so the one task that holds a day knows every subscriber. The
 * day's ranking and spike alerts are both repartitioned by day onto one partition each, so that
 * task sees both; the spikes in a digest are those that arrived before the day's ranking was whole.
 */
public final class DigestTopology {
  static final String WINDOW = "P1D";

  private DigestTopology() {}

  /** Standalone, for tests: the digests step alone. */
  public static Topology build(TopicSerdes serdes, Function<String, String> unsubscribeLink) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, serdes, unsubscribeLink);
    return builder.build();
  }

  /**
   * Adds the digests step to {@code builder}, reading the rankings from {@code trends.papers}: a
   * Kafka Streams application of its own (the app's API reads that topic as a global table, and a
   * topic is read by one source of a topology only).
   *
   * @param unsubscribeLink an address's signed unsubscribe link
   */
  public static void addTo(StreamsBuilder builder, TopicSerdes serdes, Function<String, String> unsubscribeLink) {
    builder.globalTable(
        Topics.SUBSCRIPTIONS.name(),
        Consumed.with(Serdes.String(), serdes.value(Subscription.class)).withName("subscriptions-source"),
        Materialized.<String, Subscription, KeyValueStore<Bytes, byte[]>>as(StoreNames.SUBSCRIPTIONS)
            .withKeySerde(Serdes.String())
            .withValueSerde(serdes.value(Subscription.class)));
    builder.addStateStore(store(StoreNames.DIGEST_RANKING, TrendingPaper.class));
    builder.addStateStore(store(StoreNames.DIGEST_SPIKES, SpikeAlert.class));
    builder.stream(Topics.KEYWORD_SPIKES.name(), Consumed.with(Serdes.String(), serdes.value(SpikeAlert.class)).withName("digest-spikes-source"))
        .filter((k, alert) -> alert != null && WINDOW.equals(alert.getWindow()), Named.as("digest-spikes-daily"))
        .map((k, alert) -> KeyValue.pair(dayOf(alert.getStart().toEpochMilli()), alert), Named.as("digest-spikes-by-day"))
        .repartition(byDay("digest-spikes", SpikeAlert.class))
        .process(SpikeKeeper::new, Named.as("digest-spikes-keep"), StoreNames.DIGEST_SPIKES, StoreNames.DIGEST_RANKING);
    KStream<String, Digest> digests =
        builder.stream(Topics.TRENDING_PAPERS.name(), Consumed.with(Serdes.String(), serdes.value(TrendingPaper.class)).withName("digest-ranking-source"))
            .filter((k, paper) -> paper != null && WINDOW.equals(paper.getWindow()), Named.as("digest-ranking-daily"))
            .map((k, paper) -> KeyValue.pair(dayOf(paper.getStart().toEpochMilli()), paper), Named.as("digest-ranking-by-day"))
            .repartition(byDay("digest-ranking", TrendingPaper.class))
            .process(() -> new DigestMaker(unsubscribeLink), Named.as("digest-make"), StoreNames.DIGEST_RANKING, StoreNames.DIGEST_SPIKES);
    digests.to(Topics.DIGESTS.name(), Produced.with(Serdes.String(), serdes.value(Digest.class)).withName("digests-sink"));
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<String, V>> store(
      String name, Class<V> type) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), AvroSerdes.plain(type));
  }

  /** One partition: a day's records meet in one task, and the two streams are co-partitioned. */
  private static <V extends org.apache.avro.specific.SpecificRecord> Repartitioned<String, V> byDay(String name, Class<V> type) {
    return Repartitioned.<String, V>as(name).withKeySerde(Serdes.String()).withValueSerde(AvroSerdes.plain(type)).withNumberOfPartitions(1);
  }

  static String dayOf(long epochMillis) {
    return LocalDate.ofEpochDay(Days.of(epochMillis)).toString();
  }

  /** Every value under {@code day|} in {@code store}, in key order. */
  static <V> List<KeyValue<String, V>> ofDay(KeyValueStore<String, V> store, String day) {
    List<KeyValue<String, V>> out = new ArrayList<>();
    try (KeyValueIterator<String, V> range = store.prefixScan(day + "|", Serdes.String().serializer())) {
      range.forEachRemaining(out::add);
    }
    return out;
  }

  /** Keeps each day's spike alerts until the day's digests are made. */
  private static final class SpikeKeeper implements Processor<String, SpikeAlert, Void, Void> {
    private KeyValueStore<String, SpikeAlert> spikes;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      spikes = context.getStateStore(StoreNames.DIGEST_SPIKES);
    }

    @Override
    public void process(Record<String, SpikeAlert> record) {
      spikes.put(record.key() + "|" + record.value().getKeyword(), record.value());
    }
  }

  /** Collects a day's ranking; once it is whole, makes every subscriber's digest of the day. */
  private static final class DigestMaker implements Processor<String, TrendingPaper, String, Digest> {
    private final Function<String, String> unsubscribeLink;
    private ProcessorContext<String, Digest> context;
    private KeyValueStore<String, TrendingPaper> ranking;
    private KeyValueStore<String, SpikeAlert> spikes;

    DigestMaker(Function<String, String> unsubscribeLink) {
      this.unsubscribeLink = unsubscribeLink;
    }

    @Override
    public void init(ProcessorContext<String, Digest> context) {
      this.context = context;
      ranking = context.getStateStore(StoreNames.DIGEST_RANKING);
      spikes = context.getStateStore(StoreNames.DIGEST_SPIKES);
    }

    @Override
    public void process(Record<String, TrendingPaper> record) {
      String day = record.key();
      TrendingPaper paper = record.value();
      ranking.put(String.format(java.util.Locale.ROOT, "%s|%06d", day, paper.getRank()), paper);
      List<KeyValue<String, TrendingPaper>> papers = ofDay(ranking, day);
      if (papers.size() < paper.getRankingSize()) {
        return;
      }
      List<TrendingPaper> whole = papers.stream().map(kv -> kv.value).toList();
      List<KeyValue<String, SpikeAlert>> daySpikes = ofDay(spikes, day);
      List<SpikeAlert> alerts = daySpikes.stream().map(kv -> kv.value).toList();
      KeyValueStore<String, ValueAndTimestamp<Subscription>> subscribers = context.getStateStore(StoreNames.SUBSCRIPTIONS);
      try (KeyValueIterator<String, ValueAndTimestamp<Subscription>> all = subscribers.all()) {
        while (all.hasNext()) {
          Subscription s = all.next().value.value();
          Digest digest = DigestContent.of(s, day, whole, alerts, unsubscribeLink.apply(s.getEmail()));
          if (!digest.getPapers().isEmpty() || !digest.getSpikes().isEmpty()) { // nothing to tell, no e-mail
            context.forward(new Record<>(s.getEmail() + "|" + day, digest, record.timestamp()));
          }
        }
      }
      papers.forEach(kv -> ranking.delete(kv.key));
      daySpikes.forEach(kv -> spikes.delete(kv.key));
    }
  }
}
