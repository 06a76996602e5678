package io.paperpulse.streams.papers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.avro.TrendingPaper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partition's ranking on its own, with in-memory stores that outlive it, as a restart does. */
class PaperRankerTest {
  private static final long DAY = 20_000;
  /** A day's tests: 1,000 keywords tested in each window, none of them a name. */
  private static final List<Long> TESTS = List.of(1000L, 0L, 1000L, 0L, 1000L, 0L);
  private final AnalyticsSettings settings = AnalyticsSettings.defaults().withSourcePartitions(1).withAnalyticsPartitions(1);
  private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();

  @BeforeEach
  void stores() {
    store(StoreNames.PAPER_SUMMARIES, Serdes.String(), PaperSummary.serde());
    store(StoreNames.PAPER_KEYWORDS, Serdes.String(), RankMessage.serde());
    store(StoreNames.PAPER_RANKER_PROGRESS, Serdes.String(), Serdes.Long());
    store(StoreNames.PAPER_WATERMARK, Serdes.String(), Serdes.Long());
  }

  private <K, V> void store(String name, Serde<K> keys, Serde<V> values) {
    KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  private PaperRanker started() {
    PaperRanker ranker = new PaperRanker(settings);
    ranker.init(context);
    return ranker;
  }

  private static void paper(PaperRanker ranker, String id, long day) {
    paper(ranker, id, day, List.of("zorblax"));
  }

  private static void paper(PaperRanker ranker, String id, long day, List<String> terms) {
    PaperSummary summary = new PaperSummary(
        id, "title of " + id, List.of("A. Author"), "an abstract", "https://arxiv.org/abs/" + id, List.of("Machine Learning"), day, null, 1,
        terms, false);
    ranker.process(new Record<>(id, new Contribution(0, 0, id, summary.title(), List.of(), List.of(), summary), Days.startMillis(day) + 1000));
  }

  @Test
  void papersKeptBeforeARestartAreRankedWithTheirDayAfterIt() {
    PaperRanker first = started();
    paper(first, "2601.00001", DAY);
    paper(first, "2601.00002", DAY);
    first.close();

    PaperRanker second = started(); // the same stores: a task started again on its state
    paper(second, "2601.00003", DAY);
    context.resetForwards();
    second.process(new Record<>(String.valueOf(DAY), RankMessage.closed(0, DAY, TESTS), Days.startMillis(DAY + 1)));

    List<RankMessage> tops = context.forwarded().stream()
        .map(f -> f.record().value())
        .filter(v -> v instanceof RankMessage m && m.kind() == RankMessage.Kind.TOP)
        .map(v -> (RankMessage) v)
        .toList();
    assertThat(tops).as("one message a window").extracting(RankMessage::window)
        .containsExactlyInAnyOrder(java.util.Arrays.stream(PaperWindow.values()).map(PaperWindow::name).toArray(String[]::new));
    List<String> ranked = tops.stream()
        .filter(m -> m.window().equals(PaperWindow.P1D.name()))
        .flatMap(m -> m.entries().stream())
        .map(e -> e.paper().paperId())
        .sorted()
        .toList();
    assertThat(ranked).as("the day's 1-day ranking").containsExactly("2601.00001", "2601.00002", "2601.00003");
    assertThat(tops).flatMap(RankMessage::entries)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.paper().terms()).as("what the merge step never reads").isEmpty());
  }

  /** The open papers forwarded so far (to {@code trends.papers.open}), by id. */
  private Map<String, TrendingPaper> openPapers() {
    Map<String, TrendingPaper> out = new TreeMap<>();
    context.forwarded().stream()
        .filter(f -> f.record().value() instanceof TrendingPaper)
        .forEach(f -> out.put(f.record().key(), (TrendingPaper) f.record().value()));
    return out;
  }

  @Test
  void aDaysTrendingKeywordsCountOnlyWhenTheyPassFalseDiscoveryControlOverEveryPartitionsTests() {
    for (List<Long> tests : List.of(TESTS, List.<Long>of())) {
      stores();
      PaperRanker ranker = started();
      paper(ranker, "2601.00001", DAY, List.of("flow matching", "zorblax"));
      // Among 1,000 tests, p 0.005 is what five keywords reach by chance: q 0.1 takes p 1e-4 at most.
      ranker.process(new Record<>(String.valueOf(DAY), RankMessage.keyword(0, DAY, "P1D", "flow matching", "flow matching", 4.0, 1e-6), Days.startMillis(DAY + 1)));
      ranker.process(new Record<>(String.valueOf(DAY), RankMessage.keyword(0, DAY, "P1D", "zorblax", "zorblax", 8.0, 0.005), Days.startMillis(DAY + 1)));
      context.resetForwards();
      ranker.process(new Record<>(String.valueOf(DAY), RankMessage.closed(0, DAY, tests), Days.startMillis(DAY + 1)));

      List<String> chips = context.forwarded().stream()
          .map(f -> f.record().value())
          .filter(v -> v instanceof RankMessage m && m.kind() == RankMessage.Kind.TOP && m.window().equals(PaperWindow.P1D.name()))
          .flatMap(v -> ((RankMessage) v).entries().stream())
          .flatMap(e -> e.keywords().stream())
          .map(TrendingScore.Share::keyword)
          .toList();
      if (tests.isEmpty()) {
        assertThat(chips).as("a marker without tests, from a version before them: kept as they came")
            .containsExactlyInAnyOrder("flow matching", "zorblax");
      } else {
        assertThat(chips).containsExactly("flow matching");
      }
    }
  }

  @Test
  void anOpenDaysPapersAreScoredByTheKeywordsOfTheLastRankedWeek() {
    PaperRanker ranker = started();
    paper(ranker, "2601.00001", DAY);
    context.resetForwards();
    paper(ranker, "2601.00002", DAY + 1, List.of("flow matching", "zorblax"));
    paper(ranker, "2601.00003", DAY + 1, List.of("zorblax"));
    assertThat(openPapers().values()).as("before a day is ranked, no keyword is known")
        .allSatisfy(p -> assertThat(p.getKeywords()).isEmpty())
        .extracting(TrendingPaper::getScore).containsOnly(1.0);

    ranker.process(new Record<>(String.valueOf(DAY), RankMessage.keyword(0, DAY, "P7D", "flow matching", "flow matching", 4.0, 1e-6), Days.startMillis(DAY + 1)));
    ranker.process(new Record<>(String.valueOf(DAY), RankMessage.keyword(0, DAY, "P1D", "zorblax", "zorblax", 8.0, 1e-6), Days.startMillis(DAY + 1)));
    ranker.process(new Record<>(String.valueOf(DAY), RankMessage.closed(0, DAY, TESTS), Days.startMillis(DAY + 1)));
    context.resetForwards();
    paper(ranker, "2601.00004", DAY + 1, List.of("flow matching", "zorblax"));
    paper(ranker, "2601.00005", DAY + 1, List.of("zorblax"));

    Map<String, TrendingPaper> open = openPapers();
    assertThat(open.get("2601.00004").getKeywords()).as("the week's trending keyword, not the day's")
        .extracting(k -> k.getKeyword()).containsExactly("flow matching");
    assertThat(open.get("2601.00004").getScore()).isCloseTo(1 + 2.0, within(1e-9)); // (1 + log2 4) x 1 x 1
    assertThat(open.get("2601.00005").getKeywords()).isEmpty();
    assertThat(open.get("2601.00005").getScore()).isEqualTo(1.0);

    PaperRanker restarted = started(); // the same stores: the week's keywords read again
    context.resetForwards();
    paper(restarted, "2601.00006", DAY + 1, List.of("flow matching"));
    assertThat(openPapers().get("2601.00006").getScore()).isCloseTo(3.0, within(1e-9));
  }
}
