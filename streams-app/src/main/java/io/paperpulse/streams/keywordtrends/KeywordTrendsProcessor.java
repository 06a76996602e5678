package io.paperpulse.streams.keywordtrends;

import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.PaperRef;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.alerts.SpikeAlerts;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.EventClock;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.papers.DayClosed;
import io.paperpulse.streams.trends.Evaluation;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of {@link KeywordTrendsTopology}, one per partition of the analytics stream. A
 * paper's terms add to their keywords' days, its title is kept for samples and its day's paper
 * count grows; a paper that comes after its source's watermark has passed its day's end plus the
 * grace period is counted as late and left out. When the watermark closes days, each keyword of
 * each day is judged: its final trends and spike alerts are forwarded, then a {@link DayClosed} for
 * the day; days that no window needs any more are deleted.
 */
final class KeywordTrendsProcessor implements Processor<String, Contribution, String, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(KeywordTrendsProcessor.class);
  private final AnalyticsSettings settings;
  private final Counters counters;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, Map<String, KeywordDay>> closedDays;
  private KeyValueStore<String, KeywordDay> days;
  private KeyValueStore<String, Contribution> openPapers;
  private KeyValueStore<String, KeywordSeries> series;
  private KeyValueStore<String, String> titles;
  private KeyValueStore<Long, Long> totals;
  private KeyValueStore<String, Long> progress;
  private SpikeAlerts alerts;
  private TimestampedKeyValueStore<String, Watch> watches;
  private KeywordHistory history;
  private FeedMix feedMix;
  private EventClock clock;
  /**
   * The records of the open days, by day, then keyword, made from the papers of those days that
   * the open-papers store holds (again at {@link #init}). A paper is one write there, not one a
   * term; its day's records go to the closed days' store, in a few records, when the day closes.
   */
  private final Map<Long, Map<String, KeywordDay>> open = new HashMap<>();

  KeywordTrendsProcessor(AnalyticsSettings settings, Counters counters) {
    this.settings = settings;
    this.counters = counters;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.closedDays = context.getStateStore(StoreNames.KEYWORD_CLOSED_DAYS);
    this.days = context.getStateStore(StoreNames.KEYWORD_DAYS);
    this.openPapers = context.getStateStore(StoreNames.KEYWORD_OPEN_PAPERS);
    this.series = context.getStateStore(StoreNames.KEYWORD_SERIES);
    this.titles = context.getStateStore(StoreNames.KEYWORD_TITLES);
    this.totals = context.getStateStore(StoreNames.KEYWORD_DAY_TOTALS);
    this.progress = context.getStateStore(StoreNames.KEYWORD_PROGRESS);
    this.alerts = new SpikeAlerts(
        context.getStateStore(StoreNames.SPIKE_STATE), context.getStateStore(StoreNames.RECENT_ALERTS), settings.globalRule());
    this.watches = context.getStateStore(StoreNames.WATCHLIST);
    this.history = new KeywordHistory(closedDays, days, null, series, titles, totals, progress);
    this.feedMix = new FeedMix(context.getStateStore(StoreNames.KEYWORD_SUBJECTS));
    this.clock = new EventClock(context.getStateStore(StoreNames.KEYWORD_WATERMARK), settings);
    open.clear();
    Long closed = history.closedThrough();
    KeywordSeries mark = series.get(KeywordHistory.SERIES_THROUGH);
    if (closed == null || mark == null || mark.closing() || mark.lastDay() != closed) {
      makeSeries(closed);
    }
    try (KeyValueIterator<Long, Long> openDays = totals.range(closed == null ? 0 : closed + 1, Long.MAX_VALUE)) {
      openDays.forEachRemaining(day -> {
        // Records of an open day in the days store were written by versions that wrote each mention through.
        Map<String, KeywordDay> ofDay = new HashMap<>(history.daysOf(day.key));
        open.put(day.key, ofDay);
        KeywordHistory.countOpenDay(openPapers, day.key, ofDay);
      });
    }
  }

  /**
   * Writes the series store again from the closed days. It has no changelog, so after a restore
   * (another instance, a crash, an earlier version's store) it is empty or behind the closed days.
   */
  private void makeSeries(Long closed) {
    List<String> stale = new ArrayList<>();
    try (KeyValueIterator<String, KeywordSeries> all = series.all()) {
      all.forEachRemaining(kv -> stale.add(kv.key));
    }
    stale.forEach(key -> series.put(key, null));
    if (closed != null) {
      long start = System.nanoTime();
      List<KeyValue<String, KeywordSeries>> made = new ArrayList<>();
      history.seriesFromDays(closed).forEach((keyword, s) -> made.add(KeyValue.pair(keyword, s)));
      series.putAll(made);
      series.put(KeywordHistory.SERIES_THROUGH, KeywordSeries.mark(closed, false));
      LOG.info("{}: made the series of {} keywords from the closed days through {} in {} ms",
          context.taskId(), made.size(), LocalDate.ofEpochDay(closed), (System.nanoTime() - start) / 1_000_000);
    }
  }

  @Override
  public void process(Record<String, Contribution> record) {
    int partition = record.value().target();
    clock.take(record, counters.lateForTrends, this::count, firstOpen -> closeDays(firstOpen - 1, partition));
  }

  /** Counts a paper of an open day: each of its terms, its title, and the day's papers. */
  private void count(Contribution c, long day) {
    Map<String, KeywordDay> ofDay = open.computeIfAbsent(day, d -> new HashMap<>());
    for (Contribution.Term term : c.terms()) {
      mention(ofDay, term, c.paperId());
    }
    if (!c.terms().isEmpty()) {
      titles.put(KeywordHistory.titleKey(day, c.paperId()), c.title());
      openPapers.put(KeywordHistory.titleKey(day, c.paperId()), new Contribution(c.sourcePartition(), c.target(), c.paperId(), "", c.terms(), List.of()));
    }
    feedMix.add(day, c.paperId(), c.primarySubject(), !c.terms().isEmpty());
    Long previous = totals.get(day);
    totals.put(day, (previous == null ? 0 : previous) + 1);
  }

  /** Counts one paper's mention of {@code term} in the records of its day. */
  static void mention(Map<String, KeywordDay> ofDay, Contribution.Term term, String paper) {
    KeywordDay value = ofDay.get(term.key());
    if (value == null) {
      value = new KeywordDay(0L, term.label(), new ArrayList<>());
      ofDay.put(term.key(), value);
    } else {
      value.addForm(term.label());
    }
    value.setCount(value.getCount() + 1);
    if (term.ends()) {
      value.countEnd();
    }
    KeywordTrendsTopology.addSample(value.getSamples(), paper);
  }

  /**
   * Closes, oldest first, every day with papers up to {@code through} not closed yet; {@code
   * partition} is this one of the analytics topic.
   */
  private void closeDays(long through, int partition) {
    Long closed = progress.get(KeywordTrendsTopology.CLOSED_THROUGH);
    long from = closed == null ? 0 : closed + 1;
    if (from > through) {
      return;
    }
    // Marked as closing until the days below are in: a store that outlives a crash here is made
    // again, while the API can still read the days closed before.
    series.put(KeywordHistory.SERIES_THROUGH, KeywordSeries.mark(from - 1, true));
    List<Long> due = new ArrayList<>();
    try (KeyValueIterator<Long, Long> range = totals.range(from, through)) {
      range.forEachRemaining(kv -> due.add(kv.key));
    }
    for (long day : due) {
      List<Long> tests = close(day);
      context.forward(new Record<>(String.valueOf(day), new DayClosed(partition, day, tests), Days.startMillis(day + 1) - 1));
    }
    progress.put(KeywordTrendsTopology.CLOSED_THROUGH, through);
    series.put(KeywordHistory.SERIES_THROUGH, KeywordSeries.mark(through, false));
    List<Long> old = new ArrayList<>();
    try (KeyValueIterator<Long, Long> range = totals.range(0L, through - TrendWindow.HISTORY_DAYS)) {
      range.forEachRemaining(kv -> old.add(kv.key));
    }
    old.forEach(this::forget);
  }

  /** Closes a day; returns its tests ({@link DayClosed#tests}). */
  private List<Long> close(long day) {
    long[] totalsByDay = history.totalsUpTo(day);
    long[] tests = new long[2 * TrendWindow.values().length];
    long keepFrom = day - TrendWindow.HISTORY_DAYS + 1;
    Map<String, KeywordDay> ofDay = open.remove(day);
    List<Map.Entry<String, KeywordDay>> inOrder =
        new ArrayList<>((ofDay == null ? Map.<String, KeywordDay>of() : ofDay).entrySet());
    inOrder.sort(Map.Entry.comparingByKey()); // an order that does not depend on the papers' order
    List<Map<String, KeywordDay>> chunks = ClosedDays.split(inOrder);
    for (int c = 0; c < chunks.size(); c++) {
      if (!chunks.get(c).isEmpty()) {
        closedDays.put(ClosedDays.key(day, c), chunks.get(c));
      }
    }
    deleteDay(openPapers, day);
    for (Map.Entry<String, KeywordDay> keywordDay : inOrder) {
      String keyword = keywordDay.getKey();
      KeywordSeries stored = series.get(keyword);
      KeywordSeries updated = (stored == null ? KeywordSeries.empty() : stored).append(day, keywordDay.getValue().getCount(), keywordDay.getValue().getEnds(), keepFrom);
      series.put(keyword, updated);
      ValueAndTimestamp<Watch> entry = watches.get(keyword);
      Watch watch = entry == null ? null : entry.value();
      KeywordHistory.Judged judged = history.judge(keyword, day, updated, totalsByDay, watch != null);
      if (judged == null) {
        judgeSpike(keyword, null, watch, day); // a quiet day ends a spike under way
        continue;
      }
      boolean named = Trending.named(judged.last().getLabel());
      for (Evaluation e : judged.evaluations()) {
        if (watch != null ? e.count() > 0 : e.supported(named) && e.pValue() <= KeywordTrendsTopology.EMIT_MAX_P) {
          context.forward(new Record<>(keyword, trend(judged, e), Days.startMillis(day + 1) - 1));
        }
      }
      countTests(judged, named, tests);
      judgeSpike(keyword, judged, watch, day);
    }
    List<Long> out = new ArrayList<>(tests.length);
    for (long n : tests) {
      out.add(n);
    }
    return out;
  }

  /**
   * Counts a keyword of the closed day among the tests of each window where it has the papers to be
   * tested and may be listed (listable, no fragment), as a trending list counts its tests.
   */
  private static void countTests(KeywordHistory.Judged judged, boolean named, long[] tests) {
    Boolean listed = null;
    for (Evaluation e : judged.evaluations()) {
      if (!e.supported(named)) {
        continue;
      }
      if (listed == null) {
        listed = MentionTerms.listable(judged.keyword(), judged.last().getLabel()) && !judged.fragment();
      }
      if (listed) {
        tests[2 * e.window().ordinal()]++;
        tests[2 * e.window().ordinal() + 1] += named ? 1 : 0;
      }
    }
  }

  private void judgeSpike(String keyword, KeywordHistory.Judged judged, Watch watch, long day) {
    SpikeAlert alert = alerts.judge(keyword, judged == null ? null : judged.evaluations(),
        e -> judged != null && MentionTerms.listable(keyword, judged.last().getLabel()) && !judged.fragment()
            && !feedMix.explained(e, samplesByDay(keyword, e), alerts.globalRule().minScore()),
        watch, day, e -> trend(judged, e));
    if (alert != null) {
      counters.alerts.incrementAndGet();
      counters.alertRaised.accept(alert);
      context.forward(new Record<>(keyword, alert, Days.startMillis(day + 1) - 1));
    }
  }

  /** The keyword's papers and sample papers on each day of the window of {@code e} that mentions it. */
  private Map<Long, FeedMix.Day> samplesByDay(String keyword, Evaluation e) {
    Map<Long, FeedMix.Day> out = new HashMap<>();
    for (KeywordHistory.Day d : history.history(keyword, e.startDay(), e.endDay())) {
      out.put(d.day(), new FeedMix.Day(d.value().getCount(), d.value().getSamples()));
    }
    return out;
  }

  /** A final trend of a judged keyword in one window. */
  private KeywordTrend trend(KeywordHistory.Judged judged, Evaluation e) {
    return KeywordTrendsTopology.trend(
        judged.keyword(), judged.last().getLabel(), history.samples(judged), e, judged.fragment());
  }

  /**
   * Deletes a day that no window needs any more: its keywords' records, its titles and its total,
   * and the series of keywords mentioned on no later day.
   */
  private void forget(long day) {
    for (String keyword : history.daysOf(day).keySet()) {
      KeywordSeries stored = series.get(keyword);
      if (stored != null && stored.lastDay() <= day) {
        series.put(keyword, null);
      }
    }
    deleteDay(closedDays, day);
    deleteDay(days, day); // as an earlier version closed it
    deleteDay(titles, day);
    feedMix.forget(day);
    totals.put(day, null);
  }

  /** Deletes the records of a store whose keys start with {@code day}. */
  private static void deleteDay(KeyValueStore<String, ?> store, long day) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, ?> records = store.prefixScan(KeywordHistory.day(day) + '|', new StringSerializer())) {
      records.forEachRemaining(r -> keys.add(r.key));
    }
    keys.forEach(key -> store.put(key, null)); // a put of null deletes without reading the old value back
  }
}
