package io.paperpulse.streams.keywordtrends;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static io.paperpulse.streams.TestPapers.paper;
import static io.paperpulse.streams.TestPapers.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.avro.EnrichedPaper;
import io.paperpulse.avro.KeywordTrend;
import io.paperpulse.avro.SpikeAlert;
import io.paperpulse.avro.Watch;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.Counters;
import io.paperpulse.streams.TestPapers;
import io.paperpulse.streams.alerts.SpikeRule;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Contribution;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.keywords.KeywordExtractor;
import io.paperpulse.streams.keywords.MentionTerms;
import io.paperpulse.streams.trends.TrendWindow;
import io.paperpulse.streams.trends.Trending;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keyword trends and alerts on the test driver, from papers' text: every mention counts. */
class KeywordTrendsAndAlertsTest {
  /** Sentences of ordinary papers, a few per paper. */
  private static final String[] BACKGROUND = {
    "We study graph neural networks for molecular property prediction.",
    "A diffusion model generates images from text prompts.",
    "Reinforcement learning trains a quadruped robot to walk.",
    "We propose a benchmark for code generation with language models.",
    "Our method improves semantic segmentation of street scenes.",
    "The signal is processed with a sparse transform.",
    "We analyse the convergence of stochastic gradient descent.",
    "Federated learning protects the privacy of medical data.",
  };

  private final Counters counters = new Counters();
  private final Random random = new Random(11);
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnrichedPaper> enriched;
  private TestInputTopic<String, Watch> watchlist;
  private TestOutputTopic<String, KeywordTrend> trends;
  private TestOutputTopic<String, SpikeAlert> alerts;
  private int ids;

  @BeforeEach
  void start() {
    AnalyticsSettings settings = AnalyticsSettings.defaults().withInMemoryState(true);
    TopicSerdes serdes = TopicSerdes.plain();
    driver = new TopologyTestDriver(KeywordTrendsTopology.build(settings, serdes, counters), TestPapers.driverConfig());
    enriched = driver.createInputTopic(Topics.PAPERS_ENRICHED.name(), Serdes.String().serializer(), AvroSerdes.plain(EnrichedPaper.class).serializer());
    watchlist = driver.createInputTopic(Topics.WATCHLIST.name(), Serdes.String().serializer(), AvroSerdes.plain(Watch.class).serializer());
    trends = driver.createOutputTopic(Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer());
    alerts = driver.createOutputTopic(Topics.KEYWORD_SPIKES.name(), Serdes.String().deserializer(), AvroSerdes.plain(SpikeAlert.class).deserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  /** A paper of {@code day} whose abstract is two background sentences and {@code extra}. */
  private void paperOn(int day, String extra) {
    paperOn(day, extra, new String[0]);
  }

  /** The same, with {@code subjects} (the first one primary). */
  private void paperOn(int day, String extra, String... subjects) {
    String id = String.format("2503.%05d", ids++);
    String text = BACKGROUND[random.nextInt(BACKGROUND.length)] + " " + BACKGROUND[random.nextInt(BACKGROUND.length)] + " " + extra;
    double time = day + 0.5 * random.nextDouble();
    enriched.pipeInput(id, paper(id).title("A study " + id).text(text).subjects(subjects).at(t(time)).enriched(), t(time));
  }

  /** {@code papers} background papers on each day of {@code [from, to)}. */
  private void background(int from, int to, int papers) {
    for (int day = from; day < to; day++) {
      for (int i = 0; i < papers; i++) {
        paperOn(day, "");
      }
    }
  }

  private static String key(String phrase) {
    return KeywordExtractor.keyOf(phrase);
  }

  private KeywordHistory history() {
    KeyValueStore<String, Map<String, KeywordDay>> closedDays = driver.getKeyValueStore(StoreNames.KEYWORD_CLOSED_DAYS);
    KeyValueStore<String, KeywordDay> days = driver.getKeyValueStore(StoreNames.KEYWORD_DAYS);
    KeyValueStore<String, Contribution> openPapers = driver.getKeyValueStore(StoreNames.KEYWORD_OPEN_PAPERS);
    KeyValueStore<String, String> titles = driver.getKeyValueStore(StoreNames.KEYWORD_TITLES);
    KeyValueStore<String, KeywordSeries> series = driver.getKeyValueStore(StoreNames.KEYWORD_SERIES);
    KeyValueStore<Long, Long> totals = driver.getKeyValueStore(StoreNames.KEYWORD_DAY_TOTALS);
    KeyValueStore<String, Long> progress = driver.getKeyValueStore(StoreNames.KEYWORD_PROGRESS);
    return new KeywordHistory(closedDays, days, openPapers, series, titles, totals, progress);
  }

  @Test
  void everyPaperThatMentionsATermCountsOnceWhereverTheTermStands() {
    background(0, 1, 10);
    for (int i = 0; i < 7; i++) {
      // Deep in a long abstract, and twice: a phrase the paper's top keyphrases may well miss.
      paperOn(1, "Related work is long. We also compare with GPT-5 and with Qwen3, and GPT-5 again.");
    }
    paperOn(1, "No model names here.");
    background(3, 4, 1); // closes day 1

    long first = Days.of(t(0));
    List<KeywordHistory.Day> gpt5 = history().history(key("GPT-5"), first, first + 3);
    assertThat(gpt5).singleElement().satisfies(d -> {
      assertThat(d.day()).isEqualTo(Days.of(t(1)));
      assertThat(d.value().getCount()).isEqualTo(7);
      assertThat(d.value().getLabel()).isEqualTo("GPT-5");
      assertThat(d.value().getSamples()).hasSize(KeywordTrendsTopology.SAMPLES);
    });
    assertThat(history().history(key("Qwen3"), first, first + 3)).singleElement().satisfies(d -> assertThat(d.value().getCount()).isEqualTo(7));
    assertThat(history().totals(first, first + 3)).containsEntry(Days.of(t(1)), 8L);
  }

  @Test
  void aWatchedKeywordFromNearNothingToAQuarterOfTheDayAlertsOnceWithItsCount() {
    String zorblax = "zorblax tensor sheaves";
    watchlist.pipeInput(key(zorblax), new Watch(zorblax, 3, 3.0, 0.001, "ana", "#sheaves"));
    background(0, 40, 20);
    paperOn(10, "We use zorblax tensor sheaves.");
    paperOn(25, "Zorblax tensor sheaves help.");
    background(40, 45, 20);
    for (int i = 0; i < 25; i++) {
      paperOn(45, "We introduce zorblax tensor sheaves for topology.");
    }
    background(45, 46, 174);
    background(46, 48, 20); // day 45 closes, then day 46

    // A new phrase brings new sub-phrases ("tensor sheaves"), which may meet the global rule too.
    List<SpikeAlert> raised = alerts.readValuesToList().stream().filter(a -> a.getKeyword().equals(key(zorblax))).toList();
    assertThat(raised).singleElement().satisfies(alert -> {
      assertThat(alert.getWatched()).isTrue();
      assertThat(alert.getOwner()).isEqualTo("ana");
      assertThat(alert.getChannel()).isEqualTo("#sheaves");
      assertThat(alert.getWindow()).isIn("P1D", "P7D");
      assertThat(alert.getCount()).isEqualTo(25);
      assertThat(alert.getScore()).isGreaterThan(3);
      assertThat(alert.getSamples()).hasSize(KeywordTrendsTopology.SAMPLES);
    });
    List<KeywordTrend> daily = trends.readValuesToList().stream()
        .filter(tr -> tr.getKeyword().equals(key(zorblax)) && tr.getWindow().equals("P1D") && tr.getStart().equals(t(45)))
        .toList();
    assertThat(daily).singleElement().satisfies(tr -> {
      assertThat(tr.getCount()).isEqualTo(25);
      assertThat(tr.getTotal()).isEqualTo(199);
      assertThat(tr.getBaselineCount()).isEqualTo(0); // its two papers were before the 28-day baseline
      assertThat(tr.getPValue()).isLessThan(1e-10);
    });
  }

  @Test
  void aNewTermsFirstStrongWeekIsEmergingAndRaisesTheGlobalAlertOnce() {
    background(0, 40, 20);
    for (int day = 40; day < 47; day++) {
      for (int i = 0; i < 2; i++) {
        paperOn(day, "We evaluate Flarebench, a new suite.");
      }
      paperOn(day, "Only Dimbench is used."); // 7 papers in the week: below the global rule
      background(day, day + 1, 17);
    }
    background(47, 49, 20);

    List<SpikeAlert> raised = alerts.readValuesToList();
    assertThat(raised).singleElement().satisfies(alert -> {
      assertThat(alert.getKeyword()).isEqualTo(key("Flarebench"));
      assertThat(alert.getWatched()).isFalse();
      assertThat(alert.getWindow()).isEqualTo("P7D");
      assertThat(alert.getCount()).isGreaterThanOrEqualTo(SpikeRule.GLOBAL.minCount());
    });
    List<KeywordTrend> weekly = trends.readValuesToList().stream()
        .filter(tr -> tr.getKeyword().equals(key("Flarebench")) && tr.getWindow().equals("P7D"))
        .toList();
    assertThat(weekly).isNotEmpty().allSatisfy(tr -> assertThat(tr.getEmerging()).isTrue());
    assertThat(weekly.get(weekly.size() - 1).getCount()).isEqualTo(14);
  }

  /**
   * 49 days of 20 vision papers a day, one in four days mentioning model predictive control; then
   * a week in which 10 more papers a day come under {@code newPapersSubject}, 3 of them on model
   * predictive control, and 2 of the vision papers a day use Flarebench. The keywords alerted.
   */
  private List<String> alertsOfAWeekWithTenMorePapersADay(String newPapersSubject) {
    for (int day = 0; day < 49; day++) {
      for (int i = 0; i < 20; i++) {
        paperOn(day, i == 0 && day % 4 == 0 ? "We apply model predictive control." : "", "Computer Vision");
      }
    }
    for (int day = 49; day < 56; day++) {
      for (int i = 0; i < 20; i++) {
        paperOn(day, i < 2 ? "We evaluate Flarebench, a new suite." : "", "Computer Vision");
      }
      for (int i = 0; i < 10; i++) {
        paperOn(day, i < 3 ? "We apply model predictive control." : "", newPapersSubject);
      }
    }
    for (int day = 56; day < 59; day++) {
      for (int i = 0; i < 20; i++) {
        paperOn(day, "", "Computer Vision");
      }
    }
    return alerts.readValuesToList().stream().map(SpikeAlert::getKeyword).toList();
  }

  @Test
  void aRiseThatAFeedsNewSubjectAccountsForRaisesNoGlobalAlert() {
    List<String> alerted = alertsOfAWeekWithTenMorePapersADay("Systems and Control");
    assertThat(alerted).as("a rise within the vision papers").contains(key("Flarebench"));
    assertThat(alerted).as("the new control papers' terms, at their usual rate among control papers")
        .noneMatch(k -> k.contains(key("predictive control")));
  }

  @Test
  void theSameRiseWithinTheFeedsUsualSubjectRaisesTheGlobalAlert() {
    List<String> alerted = alertsOfAWeekWithTenMorePapersADay("Computer Vision");
    assertThat(alerted).contains(key("Flarebench"), key("model predictive control"));
  }

  @Test
  void theTrendingListHoldsTheRisingNamesAndNoGenericWord() {
    background(0, 60, 20);
    for (int day = 60; day < 67; day++) {
      String[] contexts = {"We evaluate on Flarebench.", "Flarebench measures agents.", "Scores on the Flarebench suite rise."};
      for (String context : contexts) {
        paperOn(day, context + " The signal is processed with a sparse transform.");
      }
      background(day, day + 1, 17);
    }
    background(67, 69, 20);

    long day = Days.of(t(66));
    KeywordHistory.Tests tests = history().test(day, TrendWindow.P7D, Trending.CANDIDATE_MAX_P);
    List<Trending.Tested> candidates = tests.candidates().stream()
        .map(j -> new Trending.Tested(j.keyword(), j.last().getLabel(), j.in(TrendWindow.P7D))).toList();
    List<Trending.Listed> listed = Trending.rank(candidates, tests.tests(), tests.namedTests(), tests.counts(), MentionTerms::listable);

    assertThat(listed).extracting(l -> l.tested().key()).contains(key("Flarebench"));
    assertThat(listed).extracting(l -> l.tested().key()).doesNotContain(key("signal"), key("sparse transform"));
    assertThat(listed.get(0).tested().label()).isEqualTo("Flarebench");
  }

  /**
   * 60 quiet days, then a week in which 3 papers a day write one of {@code sentences} each, then 2
   * more days; the keys listed as trending in the week, and the keys of the global alerts.
   */
  private Map<String, List<String>> listedAndAlertedAfterAWeekOf(String... sentences) {
    background(0, 60, 20);
    for (int day = 60; day < 67; day++) {
      for (String sentence : sentences) {
        paperOn(day, sentence);
      }
      background(day, day + 1, 17);
    }
    background(67, 69, 20);
    KeywordHistory.Tests tests = history().test(Days.of(t(66)), TrendWindow.P7D, Trending.CANDIDATE_MAX_P);
    List<Trending.Tested> candidates = tests.candidates().stream()
        .map(j -> new Trending.Tested(j.keyword(), j.last().getLabel(), j.in(TrendWindow.P7D))).toList();
    List<String> listed = Trending.rank(candidates, tests.tests(), tests.namedTests(), tests.counts(), MentionTerms::listable)
        .stream().map(l -> l.tested().key()).toList();
    return Map.of("listed", listed, "alerted", alerts.readValuesToList().stream().map(SpikeAlert::getKeyword).toList());
  }

  @Test
  void aPhraseWrittenOnlyAsTheStartOfLongerOnesIsNeitherListedNorAlerted() {
    Map<String, List<String>> out = listedAndAlertedAfterAWeekOf(
        "We study zorblax tensor sheaves.", "We build zorblax tensor bundles.", "We map zorblax tensor fields.");

    assertThat(out.get("listed")).doesNotContain(key("zorblax tensor"));
    assertThat(out.get("alerted")).doesNotContain(key("zorblax tensor"));
    assertThat(trends.readValuesToList()).filteredOn(tr -> tr.getKeyword().equals(key("zorblax tensor")) && tr.getWindow().equals("P7D"))
        .isNotEmpty().allSatisfy(tr -> assertThat(tr.getFragment()).isTrue());
    assertThat(KeywordQueries.keyword(history(), key("zorblax tensor")).windows().get("P7D").fragment()).isTrue();
  }

  @Test
  void theSamePhraseEndingItsPhraseIsListedAndAlerted() {
    Map<String, List<String>> out = listedAndAlertedAfterAWeekOf(
        "We study the zorblax tensor.", "The zorblax tensor is sparse.", "Each zorblax tensor of rank two.");

    assertThat(out.get("listed")).contains(key("zorblax tensor"));
    assertThat(out.get("alerted")).contains(key("zorblax tensor"));
    assertThat(trends.readValuesToList()).filteredOn(tr -> tr.getKeyword().equals(key("zorblax tensor")))
        .isNotEmpty().noneMatch(KeywordTrend::getFragment);
    assertThat(KeywordQueries.keyword(history(), key("zorblax tensor")).windows().get("P7D").fragment()).isFalse();
  }

  @Test
  void theWeeklyListHoldsATermOfTheWeekThatTheLastDayDoesNotMention() {
    background(0, 60, 20);
    for (int day = 60; day < 66; day++) {
      paperOn(day, "We evaluate on Flarebench.");
      paperOn(day, "Flarebench measures agents.");
      background(day, day + 1, 18);
    }
    background(66, 69, 20); // day 66, the list's last day, has no Flarebench paper

    long day = Days.of(t(66));
    KeywordHistory.Tests tests = history().test(day, TrendWindow.P7D, Trending.CANDIDATE_MAX_P);

    KeywordHistory.Judged flarebench = tests.candidates().stream()
        .filter(j -> j.keyword().equals(key("Flarebench"))).findFirst().orElseThrow();
    assertThat(flarebench.in(TrendWindow.P7D).count()).isEqualTo(12);
    assertThat(flarebench.lastDay()).isEqualTo(Days.of(t(65)));
    assertThat(flarebench.last().getLabel()).isEqualTo("Flarebench");
    assertThat(history().samples(flarebench)).isNotEmpty().allSatisfy(p -> assertThat(p.getTitle()).startsWith("A study"));
  }

  @Test
  void aPaperForADayAlreadyClosedIsCountedAsLateAndNotInTheDay() {
    background(0, 5, 3);
    paperOn(1, "A late zorblax paper.");

    assertThat(counters.lateForTrends.get()).isEqualTo(1);
    assertThat(history().history(key("zorblax"), Days.of(t(0)), Days.of(t(5)))).isEmpty();
    assertThat(history().totals(Days.of(t(1)), Days.of(t(1)))).containsEntry(Days.of(t(1)), 3L);
  }

  @Test
  void daysNoWindowNeedsAreDeletedSoTheStateStaysBounded() {
    background(0, TrendWindow.HISTORY_DAYS + 30, 2);

    long latest = Days.of(t(TrendWindow.HISTORY_DAYS + 29));
    long oldest = Long.MAX_VALUE;
    int records = 0;
    try (KeyValueIterator<String, Map<String, KeywordDay>> all = driver.<String, Map<String, KeywordDay>>getKeyValueStore(StoreNames.KEYWORD_CLOSED_DAYS).all()) {
      while (all.hasNext()) {
        String key = all.next().key;
        oldest = Math.min(oldest, Long.parseLong(key.substring(0, key.indexOf('|'))));
        records++;
      }
    }
    assertThat(records).isPositive();
    assertThat(oldest).as("the oldest day kept").isGreaterThan(latest - TrendWindow.HISTORY_DAYS - 3);
    try (KeyValueIterator<String, String> titles = driver.<String, String>getKeyValueStore(StoreNames.KEYWORD_TITLES).all()) {
      assertThat(Long.parseLong(titles.next().key.substring(0, 7))).isGreaterThan(latest - TrendWindow.HISTORY_DAYS - 3);
    }
    Map<Long, Long> totals = history().totals(0, latest);
    assertThat(totals.keySet().iterator().next()).isGreaterThan(latest - TrendWindow.HISTORY_DAYS - 3);
    // An open day's papers are kept until it closes, and no longer.
    long closed = history().closedThrough();
    List<Long> openPaperDays = new ArrayList<>();
    try (KeyValueIterator<String, Contribution> open = driver.<String, Contribution>getKeyValueStore(StoreNames.KEYWORD_OPEN_PAPERS).all()) {
      open.forEachRemaining(kv -> openPaperDays.add(Long.parseLong(kv.key.substring(0, 7))));
    }
    assertThat(openPaperDays).isNotEmpty().allSatisfy(day -> assertThat(day).isGreaterThan(closed));
  }

  @Test
  void finalTrendsAreTheSameWhateverOrderADaysPapersArriveIn() {
    List<List<String>> runs = new ArrayList<>();
    for (long seed : new long[] {1, 2}) {
      try (TopologyTestDriver other = new TopologyTestDriver(
          KeywordTrendsTopology.build(AnalyticsSettings.defaults().withInMemoryState(true), TopicSerdes.plain(), new Counters()),
          TestPapers.driverConfig("order-" + seed))) {
        TestInputTopic<String, EnrichedPaper> in = other.createInputTopic(
            Topics.PAPERS_ENRICHED.name(), Serdes.String().serializer(), AvroSerdes.plain(EnrichedPaper.class).serializer());
        Random order = new Random(seed);
        for (int day = 0; day < 40; day++) {
          List<EnrichedPaper> papers = new ArrayList<>();
          for (int i = 0; i < 12; i++) {
            String extra = day >= 30 && i < 8 ? "Flarebench and GPT-5 agents." : i % 3 == 0 ? "GPT-5 agents." : "";
            String id = String.format("2503.%03d%02d", day, i);
            papers.add(paper(id).title("Study " + id).text(BACKGROUND[i % BACKGROUND.length] + " " + extra).at(t(day + 0.01 * i)).enriched());
          }
          java.util.Collections.shuffle(papers, order);
          for (EnrichedPaper p : papers) {
            in.pipeInput(p.getPaper().getId(), p, p.getPaper().getPublished());
          }
        }
        runs.add(other.createOutputTopic(Topics.KEYWORD_TRENDS.name(), Serdes.String().deserializer(), AvroSerdes.plain(KeywordTrend.class).deserializer())
            .readValuesToList().stream().map(Object::toString).sorted().toList());
      }
    }
    assertThat(runs.get(0)).isNotEmpty().isEqualTo(runs.get(1));
  }
}
