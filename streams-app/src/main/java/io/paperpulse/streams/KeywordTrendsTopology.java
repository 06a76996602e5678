package io.paperpulse.streams;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.PaperRef;
import io.paperpulse.avro.ScoredKeyword;
import io.paperpulse.avro.state.ClosedDay;
import io.paperpulse.avro.state.KeywordState;
import io.paperpulse.avro.state.OpenDay;
import io.paperpulse.avro.state.TopKeywords;
import io.paperpulse.producer.Topics;
import io.paperpulse.streams.trends.Baseline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyword trends: each keyword's count of papers per day, scored against its own baseline, onto
 * {@code trends.keywords} (keyed by keyword).
 *
 * <p>A day stays open until the event-time watermark passes its end plus the grace period. While it is open,
 * every paper updates the counts of its keywords, and a keyword that reaches {@code minTrendCount}
 * papers gets a trend update each time. When the day closes, each keyword's final update is
 * written and the day's share is folded into the keyword's EWMA baseline (days without the keyword
 * count as zero), so the baseline only ever holds earlier days. Days close as the event-time
 * {@link Watermark} passes them, never on the wall clock: a replay closes the same days with the
 * same papers. The best {@code topK} trends of
 * each day are kept in a bounded store for the HTTP API; a closed day's list holds final trends only.
 *
 * <p>What a closed day holds does not depend on the order its papers arrived in (several
 * partitions interleave differently in each run): counts are sums, the label is the day's
 * alphabetically first form, and the samples are the newest papers. Updates of an open day
 * are provisional: their share uses the day's papers so far.
 *
 * <p>The state stays bounded: a keyword not seen for {@value #QUIET_DAYS} days is forgotten.
 */
public final class KeywordTrendsTopology {
  static final int SAMPLES = 5;
  static final int HISTORY = 60;
  static final int TOP_RETAINED_DAYS = 31;
  /** A keyword not seen for this many days is forgotten (its baseline has decayed to almost 0). */
  static final int QUIET_DAYS = 90;

  private KeywordTrendsTopology() {}

  /** Standalone: reads {@code papers.enriched}. */
  public static Topology build(AnalyticsSettings settings, TopicSerdes serdes, Counters counters) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, PaperPulseTopology.analyticsStream(PaperPulseTopology.enrichedSource(builder, serdes)), settings, serdes, counters);
    return builder.build();
  }

  /** Adds the trends to {@code builder} and returns the stream of trend updates. */
  public static KStream<String, KeywordTrend> addTo(
      StreamsBuilder builder,
      KStream<String, EnrichedPaper> analytics,
      AnalyticsSettings settings,
      TopicSerdes serdes,
      Counters counters) {
    builder.addStateStore(settings.store(Stores.KEYWORD_STATE, Serdes.String(), AvroSerdes.plain(KeywordState.class)));
    builder.addStateStore(settings.store(Stores.KEYWORD_DAY_TOTALS, Serdes.Long(), Serdes.Long()));
    builder.addStateStore(settings.store(Stores.KEYWORD_DAY_INDEX, Serdes.String(), Serdes.String()));
    builder.addStateStore(settings.store(Stores.KEYWORD_TOP, Serdes.Long(), AvroSerdes.plain(TopKeywords.class)));
    builder.addStateStore(settings.store(Stores.KEYWORD_WATERMARK, Serdes.String(), Serdes.Long()));
    KStream<String, KeywordTrend> trends =
        analytics.process(
            () -> new TrendProcessor(settings, counters),
            Named.as("keyword-trends"),
            Stores.KEYWORD_STATE,
            Stores.KEYWORD_DAY_TOTALS,
            Stores.KEYWORD_DAY_INDEX,
            Stores.KEYWORD_TOP,
            Stores.KEYWORD_WATERMARK);
    trends.to(Topics.KEYWORD_TRENDS, Produced.with(Serdes.String(), serdes.value(KeywordTrend.class)).withName("keyword-trends-sink"));
    return trends;
  }

  /** The key of a keyword's membership in a day: epoch day zero-padded so keys sort by day. */
  static String indexKey(long day, String keyword) {
    return String.format("%08d|%s", day, keyword);
  }

  static Baseline baselineOf(KeywordState state) {
    return new Baseline(state.getMean(), state.getVariance(), state.getHistoryDays(), state.getLastFoldedDay());
  }

  private static final class TrendProcessor implements Processor<String, EnrichedPaper, String, KeywordTrend> {
    private final AnalyticsSettings settings;
    private final Counters counters;
    private ProcessorContext<String, KeywordTrend> context;
    private KeyValueStore<String, KeywordState> states;
    private KeyValueStore<Long, Long> totals;
    private KeyValueStore<String, String> index;
    private KeyValueStore<Long, TopKeywords> top;
    private Watermark watermark;
    private long checkedThrough = Long.MIN_VALUE;

    TrendProcessor(AnalyticsSettings settings, Counters counters) {
      this.settings = settings;
      this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, KeywordTrend> context) {
      this.context = context;
      this.states = context.getStateStore(Stores.KEYWORD_STATE);
      this.totals = context.getStateStore(Stores.KEYWORD_DAY_TOTALS);
      this.index = context.getStateStore(Stores.KEYWORD_DAY_INDEX);
      this.top = context.getStateStore(Stores.KEYWORD_TOP);
      this.watermark = new Watermark(context.getStateStore(Stores.KEYWORD_WATERMARK), settings.sourcePartitions());
    }

    /** Closes days when the watermark has entered a new day since the last check. */
    private void closeDaysIfDue(long now) {
      long through = Math.floorDiv(now - settings.grace().toMillis(), Days.MILLIS);
      if (through > checkedThrough) {
        checkedThrough = through;
        closeDays(now);
      }
    }

    private boolean closed(long day, long watermarkTime) {
      return Days.startMillis(day + 1) + settings.grace().toMillis() <= watermarkTime;
    }

    @Override
    public void process(Record<String, EnrichedPaper> record) {
      long day = Days.of(record.timestamp());
      long now = watermark.advance(record.key(), record.timestamp());
      if (closed(day, now)) {
        counters.lateForTrends.incrementAndGet();
        closeDaysIfDue(now);
        return;
      }
      Long previous = totals.get(day);
      long total = (previous == null ? 0 : previous) + 1;
      totals.put(day, total);
      Map<String, String> keywords = new LinkedHashMap<>();
      for (ScoredKeyword k : record.value().getKeywords()) {
        if (keywords.size() == settings.keywordsPerPaper()) {
          break;
        }
        keywords.putIfAbsent(k.getKeyword(), k.getLabel());
      }
      PaperRef paper = new PaperRef(record.value().getPaper().getId(), record.value().getPaper().getTitle());
      for (Map.Entry<String, String> k : keywords.entrySet()) {
        KeywordState state = load(k.getKey());
        if (state == null) {
          state = new KeywordState(k.getValue(), 0.0, 0.0, 0, -1L, new ArrayList<>(), new ArrayList<>());
        }
        OpenDay open = openDay(state, day);
        open.setCount(open.getCount() + 1);
        addSample(open.getSamples(), paper);
        states.put(k.getKey(), state);
        // The day's label: its alphabetically first form that day, whatever order papers came in.
        String dayLabel = index.get(indexKey(day, k.getKey()));
        if (dayLabel == null || k.getValue().compareTo(dayLabel) < 0) {
          dayLabel = k.getValue();
          index.put(indexKey(day, k.getKey()), dayLabel);
        }
        if (open.getCount() >= settings.minTrendCount()) {
          emit(k.getKey(), dayLabel, state, open, total, false);
        }
      }
      closeDaysIfDue(now);
    }

    /**
     * Keeps the day's {@value #SAMPLES} newest papers (highest arXiv ids), so the samples do not
     * depend on the order papers arrive in.
     */
    static void addSample(List<PaperRef> samples, PaperRef paper) {
      if (samples.stream().anyMatch(p -> p.getId().equals(paper.getId()))) {
        return;
      }
      samples.add(paper);
      samples.sort(Comparator.comparing(PaperRef::getId).reversed());
      if (samples.size() > SAMPLES) {
        samples.remove(samples.size() - 1);
      }
    }

    /** A keyword's state with mutable lists (Avro's deserialized arrays cannot remove elements). */
    private KeywordState load(String keyword) {
      KeywordState state = states.get(keyword);
      if (state != null) {
        List<OpenDay> open = new ArrayList<>();
        for (OpenDay day : state.getOpen()) {
          open.add(new OpenDay(day.getDay(), day.getCount(), new ArrayList<>(day.getSamples())));
        }
        state.setOpen(open);
        state.setHistory(new ArrayList<>(state.getHistory()));
      }
      return state;
    }

    private static OpenDay openDay(KeywordState state, long day) {
      for (OpenDay open : state.getOpen()) {
        if (open.getDay() == day) {
          return open;
        }
      }
      OpenDay open = new OpenDay(day, 0L, new ArrayList<>());
      state.getOpen().add(open);
      state.getOpen().sort(Comparator.comparingLong(OpenDay::getDay));
      return open;
    }

    /**
     * The keyword's baseline before {@code day}: closed days without the keyword since its last
     * fold count as zero; days still open, its own or not yet closed by the watermark, do not count.
     */
    private Baseline baselineBefore(KeywordState state, long day) {
      long until = day;
      for (OpenDay open : state.getOpen()) {
        until = Math.min(until, open.getDay());
      }
      long lastClosed = Math.floorDiv(watermark.current() - settings.grace().toMillis(), Days.MILLIS) - 1;
      return baselineOf(state).decayTo(Math.min(until, lastClosed + 1), settings.ewmaAlpha());
    }

    private KeywordTrend emit(String keyword, String label, KeywordState state, OpenDay open, long total, boolean last) {
      Baseline baseline = baselineBefore(state, open.getDay());
      KeywordTrend trend =
          new KeywordTrend(
              keyword,
              label,
              "P1D",
              Instant.ofEpochMilli(Days.startMillis(open.getDay())),
              open.getCount(),
              total,
              (double) open.getCount() / total,
              baseline.mean(),
              Math.sqrt(baseline.variance()),
              baseline.days(),
              baseline.score(open.getCount(), total),
              baseline.pValue(open.getCount(), total),
              last,
              List.copyOf(open.getSamples()));
      long timestamp = Math.max(watermark.current(), trend.getStart().toEpochMilli());
      context.forward(new Record<>(keyword, trend, last ? Days.startMillis(open.getDay() + 1) - 1 : timestamp));
      remember(trend);
      return trend;
    }

    /** Keeps the day's best trends, at most topK, best score first. */
    private void remember(KeywordTrend trend) {
      long day = Days.of(trend.getStart());
      TopKeywords best = top.get(day);
      if (best == null) {
        best = new TopKeywords(day, new ArrayList<>());
      }
      List<KeywordTrend> entries = new ArrayList<>(best.getEntries());
      best.setEntries(entries);
      boolean full = entries.size() >= settings.topK();
      if (full && trend.getScore() <= entries.get(entries.size() - 1).getScore()
          && entries.stream().noneMatch(t -> t.getKeyword().equals(trend.getKeyword()))) {
        return;
      }
      entries.removeIf(t -> t.getKeyword().equals(trend.getKeyword()));
      entries.add(trend);
      entries.sort(Comparator.comparingDouble(KeywordTrend::getScore).reversed().thenComparing(KeywordTrend::getKeyword));
      if (entries.size() > settings.topK()) {
        entries.subList(settings.topK(), entries.size()).clear();
      }
      top.put(day, best);
    }

    /** Closes, oldest first, every open day whose end plus grace the watermark has passed. */
    private void closeDays(long watermarkTime) {
      List<KeyValue<Long, Long>> due = new ArrayList<>();
      try (KeyValueIterator<Long, Long> days = totals.all()) {
        while (days.hasNext()) {
          KeyValue<Long, Long> day = days.next();
          if (closed(day.key, watermarkTime)) {
            due.add(day);
          }
        }
      }
      for (KeyValue<Long, Long> day : due) {
        close(day.key, day.value);
        totals.delete(day.key);
        top.delete(day.key - TOP_RETAINED_DAYS);
        forgetQuiet(day.key - QUIET_DAYS);
      }
    }

    /**
     * Deletes the state of every keyword last seen on {@code day}, which closed {@link #QUIET_DAYS}
     * ago, and that day's index: keyword state stays bounded by what recent days hold. A keyword
     * that comes back starts afresh, as its decayed baseline would have had it (0.9^90 of its old
     * share).
     */
    private void forgetQuiet(long day) {
      List<String> members = new ArrayList<>();
      try (KeyValueIterator<String, String> entries = index.range(indexKey(day, ""), indexKey(day, "\uffff"))) {
        entries.forEachRemaining(e -> members.add(e.key));
      }
      for (String member : members) {
        String keyword = member.substring(member.indexOf('|') + 1);
        KeywordState state = states.get(keyword);
        if (state != null && state.getLastFoldedDay() <= day && state.getOpen().isEmpty()) {
          states.delete(keyword);
          counters.keywordsForgotten.incrementAndGet();
        }
        index.delete(member);
      }
    }

    private void close(long day, long total) {
      // The day's top list is rebuilt from the final trends alone: what stays in it must not
      // depend on the order of the updates while the day was open.
      top.delete(day);
      Map<String, String> labels = new LinkedHashMap<>();
      try (KeyValueIterator<String, String> members = index.range(indexKey(day, ""), indexKey(day, "\uffff"))) {
        members.forEachRemaining(m -> labels.put(m.key, m.value));
      }
      for (Map.Entry<String, String> member : labels.entrySet()) {
        String keyword = member.getKey().substring(member.getKey().indexOf('|') + 1);
        KeywordState state = load(keyword);
        state.setLabel(member.getValue()); // the keyword reads as it did on its latest closed day
        if (state.getLastFoldedDay() >= 0 && state.getLastFoldedDay() < day - QUIET_DAYS) {
          // Back after QUIET_DAYS closed days without it: start afresh, as when forgetQuiet got
          // to it first (which depends on how partitions interleave). Decided here, where every
          // day before this one has closed, not when its paper arrives.
          state.setMean(0.0);
          state.setVariance(0.0);
          state.setHistoryDays(0);
          state.setLastFoldedDay(-1L);
          state.getHistory().clear();
        }
        OpenDay open = state.getOpen().stream().filter(o -> o.getDay() == day).findFirst().orElseThrow();
        Baseline before = baselineBefore(state, day);
        if (open.getCount() >= settings.minTrendCount()) {
          KeywordTrend last = emit(keyword, member.getValue(), state, open, total, true);
          state.getHistory().add(new ClosedDay(day, open.getCount(), total, before.mean(), last.getScore()));
          if (state.getHistory().size() > HISTORY) {
            state.getHistory().remove(0);
          }
        }
        Baseline after = baselineOf(state).decayTo(day, settings.ewmaAlpha()).fold(day, (double) open.getCount() / total, settings.ewmaAlpha());
        state.setMean(after.mean());
        state.setVariance(after.variance());
        state.setHistoryDays(after.days());
        state.setLastFoldedDay(after.lastDay());
        state.getOpen().remove(open);
        states.put(keyword, state);
        // The index entry stays until QUIET_DAYS later, to find keywords not seen since.
      }
    }
  }
}
