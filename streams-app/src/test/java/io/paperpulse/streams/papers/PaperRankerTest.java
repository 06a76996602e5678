package io.paperpulse.streams.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import java.util.List;
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
    PaperSummary summary = new PaperSummary(
        id, "title of " + id, List.of("A. Author"), "an abstract", "https://arxiv.org/abs/" + id, List.of("Machine Learning"), day, null, 1,
        List.of("zorblax"), false);
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
    second.process(new Record<>(String.valueOf(DAY), RankMessage.closed(0, DAY), Days.startMillis(DAY + 1)));

    List<String> ranked = context.forwarded().stream()
        .map(f -> f.record().value())
        .filter(v -> v instanceof RankMessage m && m.kind() == RankMessage.Kind.ENTRY && m.window().equals(PaperWindow.P1D.name()))
        .map(v -> ((RankMessage) v).paper().paperId())
        .sorted()
        .toList();
    assertThat(ranked).as("the day's 1-day ranking").containsExactly("2601.00001", "2601.00002", "2601.00003");
  }
}
