package io.paperpulse.streams.papers;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.TrendingPaper;
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

/** The merge step on its own: each partition's best papers in, one ranking a window out. */
class RankingMergeTest {
  private static final long DAY = 20_000;
  private final MockProcessorContext<String, TrendingPaper> context = new MockProcessorContext<>();
  private KeyValueStore<String, RankMessage> entries;

  @BeforeEach
  void stores() {
    entries = store(StoreNames.RANKING_ENTRIES, Serdes.String(), RankMessage.serde());
    store(StoreNames.RANKING_PROGRESS, Serdes.String(), Serdes.Long());
  }

  private <K, V> KeyValueStore<K, V> store(String name, Serde<K> keys, Serde<V> values) {
    KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  private static RankMessage entry(int partition, String id, double score) {
    PaperSummary paper = new PaperSummary(id, "title of " + id, List.of("A. Author"), "an abstract", null, List.of("Machine Learning"), DAY,
        null, 1, List.of("zorblax"), false);
    return RankMessage.entry(partition, DAY, PaperWindow.P1D, paper, new TrendingScore.Scored(score, List.of()));
  }

  private static void send(RankingMerge merge, RankMessage m) {
    merge.process(new Record<>(String.valueOf(DAY), m, 0L));
  }

  @Test
  void theBestPapersOfEveryPartitionMakeOneRankingWhetherSentTogetherOrOneByOne() {
    RankingMerge merge = new RankingMerge(3);
    merge.init(context);
    send(merge, RankMessage.top(0, DAY, PaperWindow.P1D, List.of(entry(0, "2601.00001", 5.0), entry(0, "2601.00002", 1.0))));
    send(merge, RankMessage.done(0, DAY));
    // Partition 1 sends its papers one by one, as versions before one message a window did.
    send(merge, entry(1, "2601.00003", 3.0));
    send(merge, entry(1, "2601.00004", 0.5));
    send(merge, RankMessage.done(1, DAY));
    // Partition 2's best papers in two messages, as large ones are sent.
    send(merge, RankMessage.top(2, DAY, PaperWindow.P1D, List.of(entry(2, "2601.00005", 4.0))));
    send(merge, RankMessage.top(2, DAY, PaperWindow.P1D, List.of(entry(2, "2601.00006", 0.1))));
    assertThat(entries.approximateNumEntries()).as("one record for each message of best papers").isEqualTo(5);
    assertThat(context.forwarded()).as("a partition has not reported").isEmpty();
    send(merge, RankMessage.done(2, DAY));

    assertThat(context.forwarded()).map(f -> f.record().value())
        .filteredOn(p -> p.getWindow().equals("P1D"))
        .extracting(TrendingPaper::getPaperId)
        .containsExactly("2601.00001", "2601.00005", "2601.00003", "2601.00002", "2601.00004", "2601.00006");
    assertThat(entries.approximateNumEntries()).as("a merged day's entries are deleted").isZero();
  }
}
