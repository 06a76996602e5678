package io.paperpulse.streams.keywordtrends;

import io.paperpulse.common.TopicSerdes;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.PaperRef;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.PaperPulseTopology;
import io.paperpulse.streams.alerts.SpikeAlerts;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.analytics.TopicStreams;
import io.paperpulse.streams.analytics.Watermark;
import io.paperpulse.streams.papers.DayClosed;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyword trends and spike alerts, partitioned by keyword: each partition of the {@code analytics}
 * topic counts the mentions of its keywords per day, and judges each day when it closes on event
 * time.
 *
 * <p>One {@link KeywordTrendsProcessor} a partition does the work. A paper of an open day is one
 * record, the terms it mentions on the partition; when the day closes, its keywords' records
 * ({@link KeywordHistory}) are written in a few records. Ticks, which every partition gets for
 * every paper, count the day's papers and move the event-time {@link Watermark}; when it passes a
 * day's end plus the grace period, each keyword of that day is judged in windows of 1, 7 and 28 days ending with
 * it, against its own rate before each window ({@link Evaluation}). Final trends with enough papers
 * and p ≤ {@value #EMIT_MAX_P}, and every watched keyword's, go to {@code trends.keywords}; a
 * keyword that meets its watch, or the global rule, raises one alert per spike on {@code
 * alerts.keyword-spikes}. Days older than every window's need ({@link TrendWindow#HISTORY_DAYS}
 * before the last closed day) are deleted, so the state stays bounded.
 *
 * <p>What a closed day holds does not depend on the order its papers arrived in: counts are sums,
 * the label is the day's most written form, and samples are the newest papers. Every
 * partition sees every tick, in each source partition's order, so every partition closes the same
 * days with the same papers.
 */
public final class KeywordTrendsTopology {
  static final int SAMPLES = 5;
  /** Trends written to {@code trends.keywords}: those this unlikely under no change, and watched ones. */
  static final double EMIT_MAX_P = 0.01;
  /** The key, in the progress store, of the last day closed. */
  public static final String CLOSED_THROUGH = "closed-through";

  private KeywordTrendsTopology() {}

  /** Standalone: reads {@code papers.enriched}. */
  public static Topology build(AnalyticsSettings settings, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, PaperPulseTopology.analyticsStream(PaperPulseTopology.enrichedSource(builder, serdes), settings, true), settings, serdes, counters);
    return builder.build();
  }

  /**
   * Adds the trends and alerts to {@code builder}, fed by the analytics stream. Returns what the
   * trends judge: each final {@link KeywordTrend} and {@link SpikeAlert}, and a {@link DayClosed}
   * after each day's.
   */
  public static KStream<String, Object> addTo(
      StreamsBuilder builder, KStream<String, Contribution> analytics, AnalyticsSettings settings, TopicSerdes serdes, Counters counters) {
    builder.globalTable(
        Topics.WATCHLIST.name(),
        TopicStreams.consumed(Topics.WATCHLIST, serdes, "watchlist-source"),
        Materialized.<String, Watch, KeyValueStore<Bytes, byte[]>>as(StoreNames.WATCHLIST)
            .withKeySerde(Serdes.String())
            .withValueSerde(Topics.WATCHLIST.valueSerde(serdes)));
    // No write cache: most keyword-days get one write a day, and a cache's sorted map costs more than
    // RocksDB's own reads. A day's papers are counted once a paper.
    builder.addStateStore(settings.store(StoreNames.KEYWORD_CLOSED_DAYS, Serdes.String(), ClosedDays.serde()));
    builder.addStateStore(settings.store(StoreNames.KEYWORD_DAYS, Serdes.String(), KeywordDay.serde()));
    builder.addStateStore(settings.store(StoreNames.KEYWORD_OPEN_PAPERS, Serdes.String(), Contribution.serde()));
    // No changelog: the series are made again from the closed days where a task's store is behind
    // them. They were the app's largest writer (89 changelog records a paper on the archive).
    builder.addStateStore(settings.store(StoreNames.KEYWORD_SERIES, Serdes.String(), KeywordSeries.serde()).withLoggingDisabled());
    builder.addStateStore(settings.store(StoreNames.KEYWORD_TITLES, Serdes.String(), Serdes.String()));
    builder.addStateStore(settings.cachedStore(StoreNames.KEYWORD_DAY_TOTALS, Serdes.Long(), Serdes.Long()));
    builder.addStateStore(settings.cachedStore(StoreNames.KEYWORD_SUBJECTS, Serdes.String(), Serdes.Long()));
    builder.addStateStore(settings.store(StoreNames.KEYWORD_PROGRESS, Serdes.String(), Serdes.Long()));
    builder.addStateStore(settings.store(StoreNames.KEYWORD_WATERMARK, Serdes.String(), Serdes.Long()));
    SpikeAlerts.addStores(builder, settings);
    KStream<String, Object> out =
        analytics.process(
            () -> new KeywordTrendsProcessor(settings, counters),
            Named.as("keyword-trends"),
            StoreNames.KEYWORD_CLOSED_DAYS, StoreNames.KEYWORD_DAYS, StoreNames.KEYWORD_OPEN_PAPERS, StoreNames.KEYWORD_SERIES, StoreNames.KEYWORD_TITLES, StoreNames.KEYWORD_DAY_TOTALS, StoreNames.KEYWORD_SUBJECTS, StoreNames.KEYWORD_PROGRESS,
            StoreNames.KEYWORD_WATERMARK, StoreNames.SPIKE_STATE, StoreNames.RECENT_ALERTS);
    out.filter((k, v) -> v instanceof KeywordTrend, Named.as("keyword-trends-only"))
        .mapValues(v -> (KeywordTrend) v, Named.as("keyword-trends-cast"))
        .to(Topics.KEYWORD_TRENDS.name(), TopicStreams.produced(Topics.KEYWORD_TRENDS, serdes, "keyword-trends-sink"));
    out.filter((k, v) -> v instanceof SpikeAlert, Named.as("spike-alerts-only"))
        .mapValues(v -> (SpikeAlert) v, Named.as("spike-alerts-cast"))
        .to(Topics.KEYWORD_SPIKES.name(), TopicStreams.produced(Topics.KEYWORD_SPIKES, serdes, "spike-alerts-sink"));
    return out;
  }

  /**
   * Keeps the {@value #SAMPLES} newest papers (highest ids), so the samples do not depend on the
   * order papers arrive in.
   */
  static void addSample(List<String> samples, String paper) {
    if (samples.contains(paper) || samples.size() == SAMPLES && paper.compareTo(samples.get(SAMPLES - 1)) < 0) {
      return;
    }
    samples.add(paper);
    samples.sort(Comparator.reverseOrder());
    if (samples.size() > SAMPLES) {
      samples.remove(samples.size() - 1);
    }
  }

  /**
   * A final trend of a keyword with {@code label} in one window, as the topology writes it; {@code
   * fragment} as {@link io.paperpulse.streams.trends.Trending#fragment} judged the keyword.
   */
  public static KeywordTrend trend(String keyword, String label, List<PaperRef> samples, Evaluation e, boolean fragment) {
    double baseline = e.baselineTotal() == 0 ? 0.0 : (double) e.baselineCount() / e.baselineTotal();
    return KeywordTrend.newBuilder()
        .setKeyword(keyword)
        .setLabel(label)
        .setWindow(e.window().name())
        .setStart(Instant.ofEpochMilli(Days.startMillis(e.startDay())))
        .setCount(e.count())
        .setTotal(e.total())
        .setShare(e.total() == 0 ? 0.0 : (double) e.count() / e.total())
        .setBaseline(baseline)
        .setBaselineStdDev(e.baselineTotal() == 0 ? 0.0 : Math.sqrt(baseline * (1 - baseline) / e.baselineTotal()))
        .setHistoryDays(e.baselineDays())
        .setScore(e.score())
        .setPValue(e.pValue())
        .setFinal$(true)
        .setSamples(samples)
        .setBaselineCount(e.baselineCount())
        .setBaselineTotal(e.baselineTotal())
        .setRatio(e.ratio())
        .setEmerging(e.emerging())
        .setFragment(fragment)
        .build();
  }
}
