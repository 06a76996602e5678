package io.paperpulse.streams.keywordtrends;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.state.SpikeState;
import io.paperpulse.avro.Watch;
import io.paperpulse.common.AvroSerdes;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.trends.TrendWindow;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trends processor on its own, with in-memory stores that outlive it, as a restart does. */
class KeywordTrendsProcessorTest {
  private static final long DAY = 20_000;
  private final AnalyticsSettings settings = AnalyticsSettings.defaults().withSourcePartitions(1).withAnalyticsPartitions(1);
  private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
  private KeyValueStore<String, Map<String, KeywordDay>> closedDays;
  private KeyValueStore<String, KeywordDay> days;
  private KeyValueStore<String, KeywordSeries> series;
  private KeyValueStore<String, Contribution> openPapers;

  @BeforeEach
  void stores() {
    closedDays = store(StoreNames.KEYWORD_CLOSED_DAYS, Serdes.String(), ClosedDays.serde());
    days = store(StoreNames.KEYWORD_DAYS, Serdes.String(), KeywordDay.serde());
    series = store(StoreNames.KEYWORD_SERIES, Serdes.String(), KeywordSeries.serde());
    openPapers = store(StoreNames.KEYWORD_OPEN_PAPERS, Serdes.String(), Contribution.serde());
    store(StoreNames.KEYWORD_TITLES, Serdes.String(), Serdes.String());
    store(StoreNames.KEYWORD_DAY_TOTALS, Serdes.Long(), Serdes.Long());
    store(StoreNames.KEYWORD_SUBJECTS, Serdes.String(), Serdes.Long());
    store(StoreNames.KEYWORD_PROGRESS, Serdes.String(), Serdes.Long());
    store(StoreNames.KEYWORD_WATERMARK, Serdes.String(), Serdes.Long());
    store(StoreNames.SPIKE_STATE, Serdes.String(), AvroSerdes.plain(SpikeState.class));
    store(StoreNames.RECENT_ALERTS, Serdes.String(), AvroSerdes.plain(SpikeAlert.class));
    StateStore watches = Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.WATCHLIST), Serdes.String(), AvroSerdes.plain(Watch.class))
        .withLoggingDisabled()
        .build();
    watches.init(context.getStateStoreContext(), watches);
    context.addStateStore(watches);
  }

  private <K, V> KeyValueStore<K, V> store(String name, Serde<K> keys, Serde<V> values) {
    KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  private KeywordTrendsProcessor started() {
    KeywordTrendsProcessor processor = new KeywordTrendsProcessor(settings, new Counters());
    processor.init(context);
    return processor;
  }

  private static void paper(KeywordTrendsProcessor processor, String id, long day, String... terms) {
    List<Contribution.Term> mentioned = java.util.Arrays.stream(terms).map(t -> new Contribution.Term(t, t)).toList();
    Contribution c = new Contribution(0, 0, id, "title of " + id, mentioned, List.of());
    processor.process(new Record<>(id, c, Days.startMillis(day) + 1000));
  }

  @Test
  void mentionsCountedBeforeARestartCountInTheirDayAfterIt() {
    KeywordTrendsProcessor first = started();
    paper(first, "2601.00001", DAY, "zorblax", "tensor sheaves");
    paper(first, "2601.00002", DAY, "zorblax");
    first.close();

    KeywordTrendsProcessor second = started(); // the same stores: a task started again on its state
    paper(second, "2601.00003", DAY, "zorblax");
    assertThat(closedDays.approximateNumEntries()).as("an open day's records are written when it closes").isZero();
    assertThat(openPapers.approximateNumEntries()).as("one record an open paper").isEqualTo(3);
    paper(second, "2601.00004", DAY + 3, "other"); // past the day's end and the grace: the day closes

    assertThat(papersOnClosedDay("zorblax")).isEqualTo(3);
    assertThat(papersOnClosedDay("tensor sheaves")).isEqualTo(1);
    KeywordDay closed = closedDays.get(ClosedDays.key(DAY, ClosedDays.chunkOf("zorblax"))).get("zorblax");
    assertThat(closed.getCount()).isEqualTo(3);
    assertThat(days.approximateNumEntries()).as("no record a keyword").isZero();
    assertThat(closed.getSamples()).containsExactly("2601.00003", "2601.00002", "2601.00001");
    assertThat(openPapers.approximateNumEntries()).as("the closed day's papers, deleted; the open one's kept").isEqualTo(1);
  }

  @Test
  void aClosedDaysMarkerCountsTheKeywordsTestedInEachWindowAndTheNamesAmongThem() {
    KeywordTrendsProcessor processor = started();
    for (int i = 0; i < 9; i++) {
      List<Contribution.Term> terms = new java.util.ArrayList<>(List.of(new Contribution.Term("gpt-5", "GPT-5")));
      if (i < 6) {
        terms.add(new Contribution.Term("tensor sheave", "tensor sheaves")); // 6 papers: a day's test, not a week's
        terms.add(new Contribution.Term("large language", "large language", false)); // a fragment: no test
        terms.add(new Contribution.Term("emph", "emph")); // a LaTeX command: never listed, no test
      }
      processor.process(new Record<>("2601.0000" + i, new Contribution(0, 0, "2601.0000" + i, "title", terms, List.of()),
          Days.startMillis(DAY) + 1000));
    }
    paper(processor, "2601.00010", DAY + 3, "other"); // closes the day

    List<io.paperpulse.streams.papers.DayClosed> closed = context.forwarded().stream()
        .map(f -> f.record().value())
        .filter(v -> v instanceof io.paperpulse.streams.papers.DayClosed)
        .map(v -> (io.paperpulse.streams.papers.DayClosed) v)
        .toList();
    // Per window (1, 7, 28 days): tested, then names. GPT-5's 9 papers are tested in a day and in a
    // week (a name needs 5), not in 28 days (10); "tensor sheaves" in a day only (8 a week).
    assertThat(closed).singleElement().satisfies(c -> {
      assertThat(c.day()).isEqualTo(DAY);
      assertThat(c.tests()).containsExactly(2L, 1L, 1L, 1L, 0L, 0L);
    });
  }

  @Test
  void anOpenDayThatAnEarlierVersionWroteThroughKeepsItsMentions() {
    KeywordTrendsProcessor first = started();
    paper(first, "2601.00001", DAY, "zorblax");
    first.close();
    // As versions before the open-papers store left an open day: its records in the days store, no papers.
    KeywordDay earlier = new KeywordDay(2L, "zorblax", new java.util.ArrayList<>(List.of("2601.00000")));
    days.put(KeywordHistory.dayKey("zorblax", DAY), earlier);
    openPapers.put(KeywordHistory.titleKey(DAY, "2601.00001"), null);

    KeywordTrendsProcessor second = started();
    paper(second, "2601.00002", DAY, "zorblax");
    paper(second, "2601.00004", DAY + 3, "other");

    assertThat(papersOnClosedDay("zorblax")).isEqualTo(3);
  }

  @Test
  void aDayAnEarlierVersionClosedIsReadAndDeletedOnceNoWindowNeedsIt() {
    KeywordTrendsProcessor first = started();
    paper(first, "2601.00001", DAY, "zorblax");
    paper(first, "2601.00002", DAY + 3, "other"); // closes DAY
    first.close();
    // As versions before the closed days' chunks left a closed day: one record a keyword.
    Map<String, KeywordDay> chunk = closedDays.get(ClosedDays.key(DAY, ClosedDays.chunkOf("zorblax")));
    closedDays.put(ClosedDays.key(DAY, ClosedDays.chunkOf("zorblax")), null);
    days.put(KeywordHistory.dayKey("zorblax", DAY), chunk.get("zorblax"));

    KeywordHistory history = new KeywordHistory(closedDays, days, null, series,
        context.<KeyValueStore<String, String>>getStateStore(StoreNames.KEYWORD_TITLES),
        context.<KeyValueStore<Long, Long>>getStateStore(StoreNames.KEYWORD_DAY_TOTALS),
        context.<KeyValueStore<String, Long>>getStateStore(StoreNames.KEYWORD_PROGRESS));
    assertThat(history.history("zorblax", DAY, DAY)).singleElement().satisfies(d -> assertThat(d.value().getCount()).isEqualTo(1));

    KeywordTrendsProcessor second = started();
    paper(second, "2601.00003", DAY + TrendWindow.HISTORY_DAYS + 3, "other"); // DAY leaves every window
    assertThat(days.get(KeywordHistory.dayKey("zorblax", DAY))).isNull();
    assertThat(series.get("zorblax")).isNull();
  }

  @Test
  void aSeriesStoreThatIsLostOrBehindIsMadeAgainFromTheClosedDays() {
    KeywordTrendsProcessor first = started();
    paper(first, "2601.00001", DAY, "zorblax", "tensor sheaves");
    paper(first, "2601.00002", DAY, "zorblax");
    paper(first, "2601.00003", DAY + 1, "zorblax");
    paper(first, "2601.00004", DAY + 4, "other"); // closes DAY and DAY + 1
    first.close();
    assertThat(history().closedThrough()).isGreaterThanOrEqualTo(DAY + 1);
    assertThat(series.get(KeywordHistory.SERIES_THROUGH).lastDay()).isEqualTo(history().closedThrough());
    long[] before = papersPerDay("zorblax");

    // Lost, as the store (no changelog) is on an instance that takes the task over.
    List<String> all = new java.util.ArrayList<>();
    series.all().forEachRemaining(kv -> all.add(kv.key));
    all.forEach(key -> series.put(key, null));
    KeywordHistory lost = history();
    assertThat(lost.seriesCurrent()).isFalse();
    assertThat(lost.judge("zorblax", DAY + 1, lost.totalsUpTo(DAY + 1), true).counts())
        .as("queries make the series from the closed days").isEqualTo(judgedCounts(before));
    started().close();
    assertThat(papersPerDay("zorblax")).isEqualTo(before);
    assertThat(papersPerDay("tensor sheaves")).isEqualTo(new long[] {1, 0});
    assertThat(history().seriesCurrent()).isTrue();

    // Behind, as a store that outlived a crash in the middle of closing days: marked as closing, a
    // stale series. The API still reads the days closed before; a task starting on it makes it again.
    long closed = history().closedThrough();
    series.put(KeywordHistory.SERIES_THROUGH, KeywordSeries.mark(closed, true));
    assertThat(history().seriesCurrent()).isTrue();
    series.put("zorblax", KeywordSeries.empty().append(DAY, 7, 7, DAY));
    KeywordTrendsProcessor third = started();
    assertThat(papersPerDay("zorblax")).isEqualTo(before);
    paper(third, "2601.00005", DAY + 4, "zorblax");
    paper(third, "2601.00006", DAY + 8, "other"); // closes DAY + 4 on the series made again
    assertThat(series.get("zorblax").size()).isEqualTo(3);
  }

  @Test
  void aDayNoWindowKeepsCountsAsNoneWhetherTheSeriesStillHoldsItOrWasMadeAgain() {
    KeywordTrendsProcessor processor = started();
    paper(processor, "2601.00001", DAY, "zorblax");
    paper(processor, "2601.00002", DAY + 50, "zorblax");
    paper(processor, "2601.00003", DAY + TrendWindow.HISTORY_DAYS + 12, "other"); // DAY leaves every window
    processor.close();
    assertThat(series.get("zorblax").size()).as("the series still holds the day it no longer needs").isEqualTo(2);
    KeywordHistory kept = history();
    long[] fromKept = kept.judge("zorblax", DAY + 60, kept.totalsUpTo(DAY + 60), true).counts();

    series.put(KeywordHistory.SERIES_THROUGH, null);
    started().close(); // made again from the closed days
    assertThat(series.get("zorblax").size()).isEqualTo(1);
    assertThat(series.get(KeywordHistory.SERIES_THROUGH).closing()).isFalse();
    KeywordHistory made = history();
    assertThat(made.judge("zorblax", DAY + 60, made.totalsUpTo(DAY + 60), true).counts()).isEqualTo(fromKept);
    assertThat(java.util.Arrays.stream(fromKept).sum()).isEqualTo(1);
  }

  private KeywordHistory history() {
    return new KeywordHistory(closedDays, days, null, series,
        context.<KeyValueStore<String, String>>getStateStore(StoreNames.KEYWORD_TITLES),
        context.<KeyValueStore<Long, Long>>getStateStore(StoreNames.KEYWORD_DAY_TOTALS),
        context.<KeyValueStore<String, Long>>getStateStore(StoreNames.KEYWORD_PROGRESS));
  }

  /** A keyword's papers on DAY and DAY + 1 in the series store. */
  private long[] papersPerDay(String keyword) {
    long[] counts = new long[2];
    series.get(keyword).addTo(counts, DAY, DAY + 1);
    return counts;
  }

  /** Papers per day on DAY and DAY + 1 placed as a judgement of DAY + 1 holds them. */
  private static long[] judgedCounts(long[] twoDays) {
    long[] out = new long[TrendWindow.HISTORY_DAYS];
    out[out.length - 2] = twoDays[0];
    out[out.length - 1] = twoDays[1];
    return out;
  }

  private long papersOnClosedDay(String keyword) {
    long[] counts = new long[1];
    series.get(keyword).addTo(counts, DAY, DAY);
    return counts[0];
  }
}
