package io.paperpulse.streams;

import io.paperpulse.common.AvroSerdes;
import io.paperpulse.common.TopicSerdes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.avro.Paper;
import io.paperpulse.avro.TrendingPaper;
import io.paperpulse.common.Topics;
import io.paperpulse.streams.analytics.AnalyticsSettings;
import io.paperpulse.streams.analytics.Days;
import io.paperpulse.streams.analytics.StoreNames;
import io.paperpulse.streams.enrichment.Enricher;
import io.paperpulse.streams.papers.TrendingPapersQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trending-papers ranking of the whole application on the test driver, and its query.
 *
 * <p>Its input, {@code /feeds/seed-93e91c6bb16cd3a7.papers.jsonl}, is the seed listing
 * ({@code cli/src/main/resources/samples/trending-papers-2025-03-21.txt}) as the producer parses it
 * with the year 2025: its 47 papers in file order, one {@code Paper} a line in Avro's JSON encoding.
 * To regenerate it, read that listing with the producer's {@code FeedReader}
 * ({@code ParseOptions.defaults().withYear(2025)}) and write each paper with a
 * {@code SpecificDatumWriter<Paper>} through {@code EncoderFactory.get().jsonEncoder}, a line each.
 */
class TrendingPapersTest {
  private static final String SEED = "/feeds/seed-93e91c6bb16cd3a7.papers.jsonl";
  private static Enricher enricher;

  @BeforeAll
  static void loadModel() {
    enricher = Enricher.bundled();
  }

  /** The seed listing's papers, in file order. */
  static List<Paper> seedPapers() throws Exception {
    List<Paper> papers = new ArrayList<>();
    SpecificDatumReader<Paper> reader = new SpecificDatumReader<>(Paper.class);
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(TrendingPapersTest.class.getResourceAsStream(SEED), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        papers.add(reader.read(null, DecoderFactory.get().jsonDecoder(Paper.getClassSchema(), line)));
      }
    }
    return papers;
  }

  /** A run of the whole application: what it wrote to {@code trends.papers}, and its query over the table. */
  record Run(Map<String, TrendingPaper> ranked, TrendingPapersQuery query) {}

  /** Publishes the papers to {@code papers}. */
  static void pipe(List<Paper> papers, TopologyTestDriver driver) {
    TestInputTopic<String, byte[]> input = driver.createInputTopic(Topics.PAPERS.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    Serializer<Paper> bytes = AvroSerdes.plain(Paper.class).serializer();
    papers.forEach(paper -> input.pipeInput(paper.getId(), bytes.serialize(Topics.PAPERS.name(), paper), paper.getPublished()));
  }

  /** Runs the papers, then one paper days after the last, so that every day closes. */
  static Run run(List<Paper> papers, TopologyTestDriver driver) {
    return run(papers, driver, papers.stream().mapToLong(p -> p.getPublished().toEpochMilli()).max().orElseThrow());
  }

  /** Runs the papers, then one paper days after {@code last}, so that every day up to it closes. */
  static Run run(List<Paper> papers, TopologyTestDriver driver, long last) {
    pipe(papers, driver);
    pipe(List.of(TestPapers.paper("closing-tick").at(Instant.ofEpochMilli(Days.startMillis(Days.of(last) + 3))).build()), driver);
    Map<String, TrendingPaper> ranked = new TreeMap<>();
    driver.createOutputTopic(Topics.TRENDING_PAPERS.name(), Serdes.String().deserializer(), AvroSerdes.plain(TrendingPaper.class).deserializer())
        .readKeyValuesToList().forEach(kv -> ranked.put(kv.key, kv.value));
    return new Run(ranked, query(driver));
  }

  static TrendingPapersQuery query(TopologyTestDriver driver) {
    return new TrendingPapersQuery(name -> driver.<String, TrendingPaper>getKeyValueStore(name));
  }

  static TopologyTestDriver driver(String id) {
    AnalyticsSettings settings = AnalyticsSettings.defaults().withInMemoryState(true);
    return new TopologyTestDriver(PaperPulseTopology.build(settings, enricher, TopicSerdes.plain(), new Counters()), TestPapers.driverConfig(id));
  }

  @Test
  void theSeedPagesPapersAllAppearInTheRankingOfTheirDay() throws Exception {
    List<Paper> papers = seedPapers();
    assertThat(papers).hasSize(47);

    try (TopologyTestDriver driver = driver("seed-page")) {
      Run run = run(papers, driver);

      for (Paper paper : papers) {
        String day = LocalDate.ofInstant(paper.getPublished(), ZoneOffset.UTC).toString();
        assertThat(run.ranked().values())
            .as("paper %s in the ranking of %s", paper.getId(), day)
            .anyMatch(p -> p.getWindow().equals("P1D") && p.getPaperId().equals(paper.getId())
                && LocalDate.ofInstant(p.getEnd(), ZoneOffset.UTC).minusDays(1).toString().equals(day));
      }
      // Each window's ranking is whole: ranks 1..rankingSize, every record saying the size.
      Map<String, List<TrendingPaper>> rankings = run.ranked().entrySet().stream().collect(Collectors.groupingBy(
          e -> e.getKey().substring(0, e.getKey().lastIndexOf('|')), TreeMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
      rankings.values().forEach(list -> {
        assertThat(list).extracting(TrendingPaper::getRank).containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, list.size()).boxed().toList());
        assertThat(list).allSatisfy(p -> assertThat(p.getRankingSize()).isEqualTo(list.size()));
        assertThat(list).extracting(TrendingPaper::getScore).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      });
      assertThat(run.ranked().values()).allSatisfy(p -> {
        assertThat(p.getTitle()).isNotBlank();
        assertThat(p.getUrl()).startsWith("https://arxiv.org/search/?searchtype=title&query=");
      });

      Map<String, Object> answer = run.query().trending(Map.of("window", "P7D", "limit", "5"));
      assertThat(answer.get("papers")).asList().hasSize(5);
      assertThat(answer.get("rankingSize")).isEqualTo(rankings.get("P7D|" + answer.get("day")).size());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void untilTheirDayIsRankedTheSeedPagesPapersAreListedProvisionally() throws Exception {
    List<Paper> papers = seedPapers();
    try (TopologyTestDriver driver = driver("seed-open")) {
      pipe(papers, driver);

      Map<String, Object> open = query(driver).trending(Map.of("window", "P1D", "limit", "100"));
      assertThat(open).containsEntry("final", false).containsEntry("day", "2025-03-21").containsEntry("rankingSize", 47);
      List<Map<String, Object>> listed = (List<Map<String, Object>>) open.get("papers");
      assertThat(listed).extracting(p -> p.get("paperId")).containsExactlyInAnyOrderElementsOf(papers.stream().map(Paper::getId).toList());
      assertThat(listed).extracting(p -> p.get("rank")).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 47).boxed().toList());
      assertThat(query(driver).trending(Map.of("window", "P1D", "day", "2025-03-21", "limit", "100")))
          .as("the open day asked by its date")
          .containsEntry("final", false).containsEntry("day", "2025-03-21").containsEntry("rankingSize", 47);
      assertThat(query(driver).trending(Map.of("window", "P7D", "day", "2025-03-24", "limit", "100")))
          .as("a later day's week, which holds the open day")
          .containsEntry("final", false).containsEntry("start", "2025-03-18").containsEntry("rankingSize", 47);

      Map<String, TrendingPaper> ranked = run(List.of(), driver, papers.get(0).getPublished().toEpochMilli()).ranked();
      assertThat(ranked).containsKey("P1D|2025-03-21|047");
      List<String> stillOpen = new ArrayList<>();
      try (var all = driver.<String, TrendingPaper>getKeyValueStore(StoreNames.OPEN_PAPERS).all()) {
        all.forEachRemaining(kv -> stillOpen.add(kv.key));
      }
      assertThat(stillOpen).as("a ranked day's papers leave the open table").containsExactly("closing-tick");
      assertThat(query(driver).trending(Map.of("window", "P1D", "day", "2025-03-21", "limit", "100")))
          .containsEntry("final", true).containsEntry("rankingSize", 47);
    }
  }

  @Test
  void theQueryFiltersBySubjectAndKeywordAndNamesWhatIsWrong() throws Exception {
    List<Paper> papers = seedPapers();
    try (TopologyTestDriver driver = driver("seed-query")) {
      TrendingPapersQuery query = run(papers, driver).query();

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> all = (List<Map<String, Object>>) query.trending(Map.of("window", "P30D", "limit", "100")).get("papers");
      assertThat(all).hasSize(47);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> vision = (List<Map<String, Object>>) query.trending(
          Map.of("window", "P30D", "limit", "100", "subject", "computer vision")).get("papers");
      assertThat(vision).isNotEmpty().hasSizeLessThan(all.size())
          .allSatisfy(p -> assertThat(p.get("subjects").toString()).contains("Computer Vision"));
      assertThat(query.trending(Map.of("window", "P30D", "limit", "100", "topic", "computer vision")).get("papers"))
          .as("topic, the alias of subject").isEqualTo(vision);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> diffusion = (List<Map<String, Object>>) query.trending(
          Map.of("window", "P30D", "limit", "100", "keyword", "diffusion")).get("papers");
      assertThat(diffusion).isNotEmpty().hasSizeLessThan(all.size());
      assertThat(query.trending(Map.of("window", "P30D", "day", "2020-01-01")).get("papers")).asList().isEmpty();

      assertThatThrownBy(() -> query.trending(Map.of("window", "P2D"))).hasMessageContaining("window must be one of P1D, P7D, P30D");
      assertThatThrownBy(() -> query.trending(Map.of("limit", "0"))).hasMessageContaining("limit must be");
      assertThatThrownBy(() -> query.trending(Map.of("day", "yesterday"))).hasMessageContaining("day must be a date");
      assertThatThrownBy(() -> query.trending(Map.of("keyword", "x".repeat(101)))).hasMessageContaining("keyword must be at most 100");
    }
  }

  @Test
  void aPaperListedAgainByAnotherFeedCountsItsListingsAndItsMostUpvotes() {
    Paper daily = TestPapers.paper("2503.00001").title("Diffusion policies for robots").at(TestPapers.t(0.2)).build();
    Paper sameAgain = TestPapers.paper("2503.00001").title("Diffusion policies for robots").at(TestPapers.t(0.3)).build();
    Paper hf = TestPapers.paper("2503.00001").title("Diffusion policies for robots").at(TestPapers.t(0.5)).build();
    hf.setSource(io.paperpulse.avro.PaperSource.HF_DAILY);
    hf.setUpvotes(42);
    Paper other = TestPapers.paper("2503.00002").title("Graph transformers").at(TestPapers.t(0.4)).build();

    try (TopologyTestDriver driver = driver("relisted")) {
      Map<String, TrendingPaper> ranked = run(List.of(daily, sameAgain, other, hf), driver).ranked();

      TrendingPaper first = ranked.get("P1D|2025-03-01|001");
      assertThat(first.getPaperId()).isEqualTo("2503.00001");
      assertThat(first.getTimesListed()).as("the same feed's listing again is no new listing").isEqualTo(2);
      assertThat(first.getUpvotes()).isEqualTo(42);
      assertThat(first.getScore()).isCloseTo((1 + Math.log(43) / 2 + Math.log(2) / 2), org.assertj.core.api.Assertions.within(1e-9));
      assertThat(ranked.get("P1D|2025-03-01|002").getTimesListed()).isEqualTo(1);
    }
  }
}
