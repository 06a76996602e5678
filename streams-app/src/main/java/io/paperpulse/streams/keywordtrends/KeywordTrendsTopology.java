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
import io.paperpulse.streams.analytics.DueDays;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.analytics.TopicStreams;
import io.paperpulse.streams.analytics.Watermark;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.papers.DayClosed;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keyword trends and spike alerts, partitioned by keyword: each partition of the {@code analytics}
 * topic counts the mentions of its keywords per day, and judges each day when it closes on event
 * time.
 *
 * <p>A mention updates one record, the keyword's day ({@link KeywordHistory}). Ticks, which every
 * partition gets for every paper, count the day's papers and move the event-time {@link
 * Watermark}; when it passes a day's end plus the grace period, each keyword of that day is judged
 * in windows of 1, 7 and 28 days ending with it, against its own rate before each window ({@link
 * Evaluation}). Final trends with enough papers and p ≤ {@value #EMIT_MAX_P}, and every watched
 * keyword's, go to {@code trends.keywords}; a keyword that meets its watch, or the global rule,
 * raises one alert per spike on {@code alerts.keyword-spikes}. Days older than every window's need
 * ({@link TrendWindow#HISTORY_DAYS} before the last closed day) are deleted, so the state stays
 * bounded.
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
    builder.addStateStore(settings.cachedStore(StoreNames.KEYWORD_DAYS, Serdes.String(), KeywordDay.serde()));
    builder.addStateStore(settings.cachedStore(StoreNames.KEYWORD_DAY_INDEX, Serdes.String(), Serdes.String()));
    builder.addStateStore(settings.cachedStore(StoreNames.KEYWORD_SERIES, Serdes.String(), KeywordSeries.serde()));
    builder.addStateStore(settings.cachedStore(StoreNames.KEYWORD_TITLES, Serdes.String(), Serdes.String()));
    builder.addStateStore(settings.cachedStore(StoreNames.KEYWORD_DAY_TOTALS, Serdes.Long(), Serdes.Long()));
    builder.addStateStore(settings.store(StoreNames.KEYWORD_PROGRESS, Serdes.String(), Serdes.Long()));
    builder.addStateStore(settings.store(StoreNames.KEYWORD_WATERMARK, Serdes.String(), Serdes.Long()));
    SpikeAlerts.addStores(builder, settings);
    KStream<String, Object> out =
        analytics.process(
            () -> new TrendProcessor(settings, counters),
            Named.as("keyword-trends"),
            StoreNames.KEYWORD_DAYS, StoreNames.KEYWORD_DAY_INDEX, StoreNames.KEYWORD_SERIES, StoreNames.KEYWORD_TITLES, StoreNames.KEYWORD_DAY_TOTALS, StoreNames.KEYWORD_PROGRESS,
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

  /** A final trend of a judged keyword in one window. */
  static KeywordTrend trend(String keyword, KeywordDay last, List<PaperRef> samples, Evaluation e) {
    return trend(keyword, last.getLabel(), samples, e);
  }

  /** A final trend of a keyword with {@code label} in one window, as the topology writes it. */
  public static KeywordTrend trend(String keyword, String label, List<PaperRef> samples, Evaluation e) {
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
        .build();
  }

  private static final class TrendProcessor implements Processor<String, Contribution, String, Object> {
    private final AnalyticsSettings settings;
    private final Counters counters;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, KeywordDay> days;
    private KeyValueStore<String, String> index;
    private KeyValueStore<String, KeywordSeries> series;
    private KeyValueStore<String, String> titles;
    private KeyValueStore<Long, Long> totals;
    private KeyValueStore<String, Long> progress;
    private SpikeAlerts alerts;
    private TimestampedKeyValueStore<String, Watch> watches;
    private KeywordHistory history;
    private Watermark watermark;
    private final DueDays due;

    TrendProcessor(AnalyticsSettings settings, Counters counters) {
      this.settings = settings;
      this.due = new DueDays(settings.grace());
      this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
      this.context = context;
      this.days = context.getStateStore(StoreNames.KEYWORD_DAYS);
      this.index = context.getStateStore(StoreNames.KEYWORD_DAY_INDEX);
      this.series = context.getStateStore(StoreNames.KEYWORD_SERIES);
      this.titles = context.getStateStore(StoreNames.KEYWORD_TITLES);
      this.totals = context.getStateStore(StoreNames.KEYWORD_DAY_TOTALS);
      this.progress = context.getStateStore(StoreNames.KEYWORD_PROGRESS);
      this.alerts = new SpikeAlerts(
          context.getStateStore(StoreNames.SPIKE_STATE), context.getStateStore(StoreNames.RECENT_ALERTS), settings.globalRule());
      this.watches = context.getStateStore(StoreNames.WATCHLIST);
      this.history = new KeywordHistory(days, index, series, titles, totals, progress);
      this.watermark = new Watermark(context.getStateStore(StoreNames.KEYWORD_WATERMARK), settings.sourcePartitions());
    }

    @Override
    public void process(Record<String, Contribution> record) {
      long day = Days.of(record.timestamp());
      Contribution c = record.value();
      if (c.relisting()) {
        return;
      }
      // Judged against the watermark before this paper moves it: its terms and its count go
      // together, to the day or to the late papers.
      String source = String.valueOf(c.sourcePartition());
      if (watermark.late(source, Days.startMillis(day + 1) + settings.grace().toMillis())) {
        if (c.target() == 0) {
          counters.lateForTrends.incrementAndGet(); // every partition gets the paper; count it once
        }
      } else {
        for (Contribution.Term term : c.terms()) {
          mention(term, day, c.paperId());
        }
        if (!c.terms().isEmpty()) {
          titles.put(KeywordHistory.titleKey(day, c.paperId()), c.title());
        }
        Long previous = totals.get(day);
        totals.put(day, (previous == null ? 0 : previous) + 1);
      }
      due.advance(watermark.advance(source, record.timestamp()), firstOpen -> closeDays(firstOpen - 1, c.target()));
    }

    private void mention(Contribution.Term term, long day, String paper) {
      String key = KeywordHistory.dayKey(term.key(), day);
      KeywordDay stored = days.get(key);
      KeywordDay value;
      if (stored == null) {
        value = new KeywordDay(0L, term.label(), new ArrayList<>());
        index.put(KeywordHistory.indexKey(day, term.key()), "");
      } else {
        value = stored;
        value.addForm(term.label());
      }
      value.setCount(value.getCount() + 1);
      addSample(value.getSamples(), paper);
      days.put(key, value);
    }

    /**
     * Closes, oldest first, every day with papers up to {@code through} not closed yet; {@code
     * partition} is this one of the analytics topic.
     */
    private void closeDays(long through, int partition) {
      Long closed = progress.get(CLOSED_THROUGH);
      long from = closed == null ? 0 : closed + 1;
      if (from > through) {
        return;
      }
      List<Long> due = new ArrayList<>();
      try (KeyValueIterator<Long, Long> range = totals.range(from, through)) {
        range.forEachRemaining(kv -> due.add(kv.key));
      }
      for (long day : due) {
        close(day);
        context.forward(new Record<>(String.valueOf(day), new DayClosed(partition, day), Days.startMillis(day + 1) - 1));
      }
      progress.put(CLOSED_THROUGH, through);
      List<Long> old = new ArrayList<>();
      try (KeyValueIterator<Long, Long> range = totals.range(0L, through - TrendWindow.HISTORY_DAYS)) {
        range.forEachRemaining(kv -> old.add(kv.key));
      }
      old.forEach(this::forget);
    }

    private void close(long day) {
      long[] totalsByDay = history.totalsUpTo(day);
      long keepFrom = day - TrendWindow.HISTORY_DAYS + 1;
      for (String keyword : history.keywordsOf(day)) {
        KeywordSeries stored = series.get(keyword);
        KeywordSeries updated = (stored == null ? KeywordSeries.empty() : stored)
            .append(day, days.get(KeywordHistory.dayKey(keyword, day)).getCount(), keepFrom);
        series.put(keyword, updated);
        ValueAndTimestamp<Watch> entry = watches.get(keyword);
        Watch watch = entry == null ? null : entry.value();
        KeywordHistory.Judged judged = history.judge(keyword, day, updated, totalsByDay, watch != null);
        if (judged == null) {
          judgeSpike(keyword, null, watch, day); // a quiet day ends a spike under way
          continue;
        }
        for (Evaluation e : judged.evaluations()) {
          if (watch != null ? e.count() > 0 : e.supported(Trending.named(judged.last().getLabel())) && e.pValue() <= EMIT_MAX_P) {
            context.forward(new Record<>(keyword, trend(keyword, judged.last(), history.samples(judged), e), Days.startMillis(day + 1) - 1));
          }
        }
        judgeSpike(keyword, judged, watch, day);
      }
    }

    private void judgeSpike(String keyword, KeywordHistory.Judged judged, Watch watch, long day) {
      boolean listable = judged != null && MentionTerms.listable(keyword, judged.last().getLabel());
      SpikeAlert alert = alerts.judge(keyword, judged == null ? null : judged.evaluations(), listable, watch, day,
          e -> trend(keyword, judged.last(), history.samples(judged), e));
      if (alert != null) {
        counters.alerts.incrementAndGet();
        counters.alertRaised.accept(alert);
        context.forward(new Record<>(keyword, alert, Days.startMillis(day + 1) - 1));
      }
    }

    /**
     * Deletes a day that no window needs any more: its keywords' records, its titles and its total,
     * and the series of keywords mentioned on no later day.
     */
    private void forget(long day) {
      for (String keyword : history.keywordsOf(day)) {
        days.delete(KeywordHistory.dayKey(keyword, day));
        index.delete(KeywordHistory.indexKey(day, keyword));
        KeywordSeries stored = series.get(keyword);
        if (stored != null && stored.lastDay() <= day) {
          series.delete(keyword);
        }
      }
      history.titleKeysOf(day).forEach(titles::delete);
      totals.delete(day);
    }
  }
}
