package io.paperpulse.streams.keywordtrends;

import static io.paperpulse.streams.analytics.DriverStores.DAY0;
import static io.paperpulse.streams.analytics.DriverStores.KEY;
import static io.paperpulse.streams.analytics.DriverStores.PARTITION;
import static io.paperpulse.streams.analytics.DriverStores.PHRASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.streams.analytics.DriverStores;
import io.paperpulse.streams.analytics.PartitionStores;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.trends.TrendWindow;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The keyword trends' read side over the stores the topology fills on the test driver ({@link DriverStores}). */
@ExtendWith(DriverStores.Fed.class)
class KeywordQueriesTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theDaysPartHasTheLatestDayAndTheLastClosedOne(KeywordQueries queries) {
    Map<String, Object> days = queries.daysPart(PARTITION, false);

    assertThat(days.get("latestDay")).isEqualTo(DAY0 + 47);
    assertThat((Long) days.get("closedThrough")).isBetween(DAY0 + 45, DAY0 + 46);
  }

  @Test
  void theTrendingPartOfTheSpikingDayHasItsTestsAndThePhraseAsACandidate(KeywordQueries queries) {
    JsonNode part = json.valueToTree(queries.trendingPart(PARTITION, false, DAY0 + 45, TrendWindow.P1D));

    assertThat(part.path("tests").asLong()).isPositive();
    assertThat(part.path("candidates")).extracting(t -> t.path("keyword").asText()).contains(KEY);
  }

  @Test
  void anOpenDaysTestsAreReusedUntilAPaperComesInAndAClosedDaysForGood() {
    try (DriverStores stores = new DriverStores()) {
      ReadCounting counting = new ReadCounting(stores);
      long[] now = {0};
      KeywordQueries queries = new KeywordQueries(counting, () -> now[0]);
      long open = DAY0 + 47;
      long closed = DAY0 + 44;

      queries.trendingPart(PARTITION, false, open, TrendWindow.P7D);
      long afterFirst = counting.keywordReads.get();
      stores.addPaper(47);
      now[0] += Duration.ofSeconds(9).toNanos();
      queries.trendingPart(PARTITION, false, open, TrendWindow.P7D);
      assertThat(counting.keywordReads.get()).as("papers streaming in: reused for ten seconds").isEqualTo(afterFirst);
      now[0] += Duration.ofSeconds(2).toNanos();
      Object second = queries.trendingPart(PARTITION, false, open, TrendWindow.P7D);
      long afterPaper = counting.keywordReads.get();
      assertThat(afterPaper).as("a paper of the open day: read again").isGreaterThan(afterFirst);

      now[0] += Duration.ofDays(1).toNanos();
      assertThat(queries.trendingPart(PARTITION, false, open, TrendWindow.P7D)).isEqualTo(second);
      assertThat(counting.keywordReads.get()).as("no paper since: the open day's tests, reused").isEqualTo(afterPaper);

      queries.trendingPart(PARTITION, false, closed, TrendWindow.P7D);
      long afterClosed = counting.keywordReads.get();
      now[0] += Duration.ofDays(1).toNanos();
      queries.trendingPart(PARTITION, false, closed, TrendWindow.P7D);
      assertThat(counting.keywordReads.get()).as("a closed day's tests never change").isEqualTo(afterClosed);
    }
  }

  @Test
  void aClosedDaysListDoesNotDependOnWhenItWasFirstAskedForAsItsOldDaysAreDeleted() {
    try (DriverStores stores = new DriverStores()) {
      KeywordQueries askedEarly = new KeywordQueries(stores, () -> 0L);
      long day = DAY0 + 45;
      for (TrendWindow window : TrendWindow.values()) {
        askedEarly.trendingPart(PARTITION, false, day, window);
      }
      // Days close up to day 45 + 100: the days before 45 + 100 - 111 = 34 are deleted, inside the
      // 28-day window of day 45 and the baselines of all three windows.
      stores.addPaper(145);
      stores.addPaper(146);
      KeywordQueries askedLate = new KeywordQueries(stores, () -> 0L);

      for (TrendWindow window : TrendWindow.values()) {
        assertThat(tree(askedEarly.trendingPart(PARTITION, false, day, window)))
            .as("%s: kept from before the old days were deleted, and read after", window)
            .isEqualTo(tree(askedLate.trendingPart(PARTITION, false, day, window)));
      }
      assertThat(tree(askedLate.trendingPart(PARTITION, false, day, TrendWindow.P28D)).path("counts").path(KEY).asLong())
          .as("the spike's day is kept").isEqualTo(25);
    }
  }

  @Test
  void aTrendingListReadsFurtherOnlyTheKeywordsWithEnoughPapersInItsWindow() {
    try (DriverStores stores = new DriverStores()) {
      stores.addPaper(47, "A quokka lattice meets a wombat sheaf.");
      ReadCounting counting = new ReadCounting(stores);
      KeywordQueries queries = new KeywordQueries(counting, () -> 0);

      queries.trendingPart(PARTITION, false, DAY0 + 47, TrendWindow.P28D);

      assertThat(counting.seriesReads).as("25 papers in the window").contains(KEY);
      assertThat(counting.seriesReads).as("one paper: fewer than any window tests")
          .noneMatch(key -> key.toString().contains("quokka") || key.toString().contains("wombat"));
    }
  }

  @Test
  void aCopyWithoutTheSeriesAsOnAStandbyAnswersAsTheActiveTask() {
    try (DriverStores stores = new DriverStores()) {
      KeywordQueries active = new KeywordQueries(stores, () -> 0L);
      for (boolean empty : new boolean[] {true, false}) {
        KeywordQueries standby = new KeywordQueries(new WithoutSeries(stores, empty), () -> 0L);
        assertThat(tree(standby.keyword(KEY, 0, true))).isEqualTo(tree(active.keyword(KEY, 0, false)));
        for (TrendWindow window : TrendWindow.values()) {
          assertThat(tree(standby.trendingPart(PARTITION, true, DAY0 + 45, window)))
              .as("%s, series store %s", window, empty ? "empty" : "missing")
              .isEqualTo(tree(active.trendingPart(PARTITION, false, DAY0 + 45, window)));
        }
      }
    }
  }

  private JsonNode tree(Object answer) {
    return json.valueToTree(answer);
  }

  /** The stores, with a series store that is empty or that this instance does not have. */
  private record WithoutSeries(PartitionStores stores, boolean empty) implements PartitionStores {
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale) {
      if (!name.equals(StoreNames.KEYWORD_SERIES)) {
        return stores.store(name, partition, stale);
      }
      return (ReadOnlyKeyValueStore<K, V>) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ReadOnlyKeyValueStore.class}, (proxy, method, args) -> {
            if (empty && method.getName().equals("get")) {
              return null;
            }
            throw new org.apache.kafka.streams.errors.InvalidStateStoreException("no " + name + " here");
          });
    }

    @Override
    public TreeSet<Integer> hosted(boolean standbys) {
      return stores.hosted(standbys);
    }
  }

  /** The stores, counting each read of a keyword's state (not of the papers per day or the progress). */
  private static final class ReadCounting implements PartitionStores {
    private static final Set<String> NOT_COUNTED = Set.of(StoreNames.KEYWORD_DAY_TOTALS, StoreNames.KEYWORD_PROGRESS);
    final AtomicLong keywordReads = new AtomicLong();
    /** The keys of every read of a keyword's series. */
    final List<Object> seriesReads = new CopyOnWriteArrayList<>();
    private final PartitionStores stores;

    ReadCounting(PartitionStores stores) {
      this.stores = stores;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition, boolean stale) {
      ReadOnlyKeyValueStore<K, V> store = stores.store(name, partition, stale);
      if (NOT_COUNTED.contains(name)) {
        return store;
      }
      return (ReadOnlyKeyValueStore<K, V>) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ReadOnlyKeyValueStore.class}, (proxy, method, args) -> {
            keywordReads.incrementAndGet();
            if (name.equals(StoreNames.KEYWORD_SERIES) && method.getName().equals("get")) {
              seriesReads.add(args[0]);
            }
            return method.invoke(store, args);
          });
    }

    @Override
    public TreeSet<Integer> hosted(boolean standbys) {
      return stores.hosted(standbys);
    }
  }

  @Test
  void theDefaultDayIsTheLatestUnlessTheAppIsCatchingUp() {
    assertThat(KeywordQueries.defaultDay(null, null)).isNull();
    assertThat(KeywordQueries.defaultDay(100L, null)).isEqualTo(100L);
    assertThat(KeywordQueries.defaultDay(100L, 98L)).as("a live run: today open, yesterday in its grace").isEqualTo(100L);
    assertThat(KeywordQueries.defaultDay(100L, 97L)).isEqualTo(100L);
    assertThat(KeywordQueries.defaultDay(100L, 96L)).as("a backlog: the first day not closed").isEqualTo(97L);
    assertThat(KeywordQueries.defaultDay(400L, 280L)).isEqualTo(281L);
  }

  @Test
  void aKeywordHasItsDaysAndATrendInEveryWindow(KeywordQueries queries) {
    Keyword keyword = queries.keyword(KEY, 0, false);

    assertThat(keyword.keyword()).isEqualTo(KEY);
    assertThat(keyword.label()).isEqualToIgnoringCase(PHRASE);
    assertThat(keyword.day()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 47).toString());
    assertThat(keyword.series()).singleElement().satisfies(d -> {
      assertThat(d.day()).isEqualTo(LocalDate.ofEpochDay(DAY0 + 45).toString());
      assertThat(d.count()).isEqualTo(25);
      assertThat(d.total()).isEqualTo(199);
      assertThat(d.closed()).isTrue();
    });
    assertThat(keyword.windows()).containsOnlyKeys("P1D", "P7D", "P28D");
    assertThat(keyword.windows().get("P7D").count()).isEqualTo(25);
    assertThat(json.valueToTree(keyword).path("final").isBoolean()).isTrue();
  }

  @Test
  void aKeywordNoPaperMentionsHasNoAnswer(KeywordQueries queries) {
    assertThat(queries.keyword(KeywordExtractor.keyOf("quokka lattice"), 0, false)).isNull();
  }
}
