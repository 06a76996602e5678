package io.paperpulse.streams;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.avro.state.SpikeState;
import io.paperpulse.producer.Topics;
import io.paperpulse.streams.trends.SpikeDetector;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Spike alerts: a keyword whose trend meets its rule raises one alert on {@code
 * alerts.keyword-spikes}, once per spike ({@link SpikeDetector}). Watches come from the compacted
 * {@code watchlist.keywords} topic (a global table, so every instance sees every watch); a watched
 * keyword is held to its watch's thresholds, any other to the stricter global rule.
 *
 * <p>Only a day's final trend, written when the day closes in stream time, can raise an alert.
 * Early in a day a handful of papers gives any keyword a large share; judging the whole day makes
 * an alert mean the same in a live run, a replay and a run restarted after a crash.
 */
public final class SpikeAlertsTopology {
  /** Alerts kept for {@code GET /api/alerts}. */
  static final int RECENT = 500;

  private SpikeAlertsTopology() {}

  /** Standalone: reads {@code trends.keywords}. */
  public static Topology build(AnalyticsSettings settings, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, KeywordTrend> trends =
        builder.stream(Topics.KEYWORD_TRENDS, Consumed.with(Serdes.String(), serdes.value(KeywordTrend.class)).withName("keyword-trends-source"));
    addTo(builder, trends, settings, serdes, counters);
    return builder.build();
  }

  public static void addTo(
      StreamsBuilder builder,
      KStream<String, KeywordTrend> trends,
      AnalyticsSettings settings,
      TopicSerdes serdes,
      Counters counters) {
    builder.globalTable(
        Topics.WATCHLIST,
        Consumed.with(Serdes.String(), serdes.value(Watch.class)).withName("watchlist-source"),
        Materialized.<String, Watch, KeyValueStore<Bytes, byte[]>>as(Stores.WATCHLIST)
            .withKeySerde(Serdes.String())
            .withValueSerde(serdes.value(Watch.class)));
    builder.addStateStore(settings.store(Stores.SPIKE_STATE, Serdes.String(), AvroSerdes.plain(SpikeState.class)));
    builder.addStateStore(settings.store(Stores.RECENT_ALERTS, Serdes.String(), AvroSerdes.plain(SpikeAlert.class)));
    trends
        .process(() -> new AlertProcessor(settings, counters), Named.as("spike-alerts"), Stores.SPIKE_STATE, Stores.RECENT_ALERTS)
        .to(Topics.KEYWORD_SPIKES, Produced.with(Serdes.String(), serdes.value(SpikeAlert.class)).withName("spike-alerts-sink"));
  }

  /** Key of an alert in the recent-alerts store: by day, then keyword, so the store reads in time order. */
  static String recentKey(SpikeAlert alert) {
    return String.format("%013d|%s", alert.getStart().toEpochMilli(), alert.getKeyword());
  }

  private static final class AlertProcessor implements Processor<String, KeywordTrend, String, SpikeAlert> {
    private final AnalyticsSettings settings;
    private final Counters counters;
    private ProcessorContext<String, SpikeAlert> context;
    private KeyValueStore<String, SpikeState> spikes;
    private KeyValueStore<String, SpikeAlert> recent;
    private TimestampedKeyValueStore<String, Watch> watches;

    AlertProcessor(AnalyticsSettings settings, Counters counters) {
      this.settings = settings;
      this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, SpikeAlert> context) {
      this.context = context;
      this.spikes = context.getStateStore(Stores.SPIKE_STATE);
      this.recent = context.getStateStore(Stores.RECENT_ALERTS);
      this.watches = context.getStateStore(Stores.WATCHLIST);
    }

    @Override
    public void process(Record<String, KeywordTrend> record) {
      KeywordTrend trend = record.value();
      if (!trend.getFinal$()) {
        return; // an open day's share is provisional; its final update decides
      }
      ValueAndTimestamp<Watch> entry = watches.get(trend.getKeyword());
      Watch watch = entry == null ? null : entry.value();
      SpikeRule rule = watch != null ? SpikeRule.of(watch) : settings.globalRule();
      SpikeState state = spikes.get(trend.getKeyword());
      long active = state == null ? SpikeDetector.NONE : state.getActiveDay();
      long day = Days.of(trend.getStart());
      SpikeDetector.Decision decision = SpikeDetector.decide(active, day, rule.matches(trend), trend.getFinal$());
      if (decision.activeDay() != active) {
        spikes.put(trend.getKeyword(), new SpikeState(decision.activeDay()));
      }
      if (!decision.alert()) {
        return;
      }
      SpikeAlert alert =
          new SpikeAlert(
              trend.getKeyword(),
              trend.getLabel(),
              trend.getWindow(),
              trend.getStart(),
              trend.getCount(),
              trend.getBaseline(),
              trend.getScore(),
              trend.getPValue(),
              watch != null,
              watch == null ? null : watch.getOwner(),
              watch == null ? null : watch.getChannel(),
              trend.getSamples());
      counters.alerts.incrementAndGet();
      counters.alertRaised.accept(alert);
      recent.put(recentKey(alert), alert);
      trimRecent();
      context.forward(record.withValue(alert));
    }

    private void trimRecent() {
      if (recent.approximateNumEntries() <= RECENT) {
        return;
      }
      try (KeyValueIterator<String, SpikeAlert> oldest = recent.all()) {
        if (oldest.hasNext()) {
          recent.delete(oldest.next().key);
        }
      }
    }
  }
}
